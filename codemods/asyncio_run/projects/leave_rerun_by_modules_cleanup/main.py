# asyncmod-runtime: compare
# leave (job.py, unsafe only): `modules_cleanup` forgets what was imported since `modules_setup`, so `job` runs again
import warnings

from test.support import import_helper

warnings.simplefilter("ignore", DeprecationWarning)

import cache  # noqa: E402,F401


def run_job():
    saved = import_helper.modules_setup()
    try:
        import job  # noqa: F401
    except RuntimeError as e:
        print(type(e).__name__)
    finally:
        import_helper.modules_cleanup(*saved)


run_job()
run_job()
