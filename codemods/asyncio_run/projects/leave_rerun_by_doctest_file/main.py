# asyncmod-runtime: compare
# leave (job.py, unsafe only): a doctest file, which the scan does not read, reloads `job`
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

import job  # noqa: E402
import doctest  # noqa: E402

doctest.testfile("usage.txt", report=False)
