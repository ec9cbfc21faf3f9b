# asyncmod-runtime: compare
import asyncio
import patch  # noqa
from svc import store


async def handle():
    store.save(1)
    print("done")

asyncio.run(handle())
