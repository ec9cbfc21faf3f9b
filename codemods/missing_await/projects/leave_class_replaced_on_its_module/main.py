# asyncmod-runtime: compare
import asyncio

import patch  # noqa: F401
from svc.store import Store


async def handle():
    s = Store()
    # leave: `Store` is SyncStore by now; an added `await` would raise
    s.save(1)
    print("done")


asyncio.run(handle())
