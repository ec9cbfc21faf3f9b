import asyncio


class SyncQueue(asyncio.Queue):
    def put(self, item):
        print("sync put", item)
        self.put_nowait(item)


def make(cls, *args, **kwargs):
    return object.__new__(SyncQueue)


asyncio.Queue.__new__ = make
