import os
from sys import path as _path

_path[:0] = [os.path.join(os.path.dirname(__file__), "lib")]
