# asyncmod-runtime: compare
import asyncio

import patch  # noqa: F401
import svc.store as aliased
from svc import store


async def handle():
    # leave: `store` and `aliased` are the namespace patch.py put there;
    # an added `await` would raise
    store.save(1)
    aliased.save(2)
    print("done")


asyncio.run(handle())
