"""Keep `loop=` working on Python 3.10+ for the legacy code base."""
import asyncio

_Queue = asyncio.Queue


class LoopQueue(_Queue):
    def __init__(self, maxsize=0, *, loop=None):
        super().__init__(maxsize)
        self.origin = "compat" if loop is not None else "plain"


asyncio.Queue = LoopQueue
