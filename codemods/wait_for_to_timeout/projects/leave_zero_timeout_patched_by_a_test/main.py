# asyncmod-runtime: compare
from tests.test_service import test_fetch_times_out
test_fetch_times_out()
