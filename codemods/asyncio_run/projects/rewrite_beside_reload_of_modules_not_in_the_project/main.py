# asyncmod-runtime: compare
# rewrite (job.py, safe): the project reloads `json` and `logging`, which run
# no code of the project
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402,F401
from tools import reset  # noqa: E402

reset.reset()
