import asyncio


class SyncQueue(asyncio.Queue):
    def put(self, item):
        print("sync put", item)
        self.put_nowait(item)


def adapt(q):
    q.__class__ = SyncQueue
