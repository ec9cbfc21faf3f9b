# asyncmod-runtime: compare
import asyncio
import runpy

runpy.run_path('.plugins/patch.py')
from svc import store  # noqa: E402


async def handle():
    store.save(1)
    print('done')


asyncio.run(handle())
