# asyncmod-runtime: compare
# leave (job.py, unsafe only): `unload` of a name the scan cannot read may take `job` out of `sys.modules`
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402
import importlib  # noqa: E402

from test.support.import_helper import unload  # noqa: E402

for name in ("job",):
    unload(name)
try:
    importlib.import_module("job")
except RuntimeError as e:
    print(type(e).__name__)
