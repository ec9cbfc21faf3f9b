# asyncmod-runtime: compare
import asyncio
import unittest
from app import service


class Frozen:
    __slots__ = ()


class Case(unittest.TestCase):
    def test_frozen(self):
        a = Frozen()
        self.assertRaises(AttributeError, setattr, a, "_id", 5)
        self.addCleanup(setattr, self, "TIMEOUT", None)


def poke():
    result = unittest.TestResult()
    Case("test_frozen").run(result)
    print("ran", result.testsRun, "failures", len(result.failures))

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    poke()
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
