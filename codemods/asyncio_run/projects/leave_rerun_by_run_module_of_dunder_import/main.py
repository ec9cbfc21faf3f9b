# asyncmod-runtime: compare
# leave (job.py, unsafe only): `runpy` reached through `__import__` runs `job` again
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402

try:
    __import__("runpy").run_module("job")
except RuntimeError as e:
    print(type(e).__name__)
