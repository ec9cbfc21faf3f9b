# asyncmod-runtime: compare
# leave (job.py, unsafe only): reloading `job` runs its top level again
import importlib
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402

importlib.reload(job)
