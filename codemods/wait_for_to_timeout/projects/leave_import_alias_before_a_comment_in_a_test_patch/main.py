# asyncmod-runtime: compare
from tests.test_svc import test_take_times_out
test_take_times_out()
