# asyncmod-runtime: compare
# leave (job.py, unsafe only): taking `job` out of `sys.modules` with `import_helper.forget` runs its top level again at the next import
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402
from test.support import import_helper  # noqa: E402

import_helper.forget("job")
try:
    import job  # noqa: F811
except RuntimeError as e:
    print(type(e).__name__)
