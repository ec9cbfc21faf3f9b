import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from conn import Conn  # noqa: E402


class DryRunConn(Conn):
    def flush(self):
        print("dry-run: skip flush")
