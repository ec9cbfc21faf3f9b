import os
import sys as _sys

_sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
