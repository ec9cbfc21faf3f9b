# asyncmod-runtime: compare
from tests import test_worker
test_worker.test_poll_does_not_sleep_on_loop()
