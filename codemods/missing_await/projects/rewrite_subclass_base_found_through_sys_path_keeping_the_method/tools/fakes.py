import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from conn import Conn  # noqa: E402


class DryRunConn(Conn):
    async def flush(self):
        self.flushed = "dry-run"
