# asyncmod-runtime: compare
from tests import test_service
test_service.test_run()
