# asyncmod-runtime: compare
import asyncio
from app import work
from tests.conftest import patch_it
patch_it(work, lambda s: None)
async def main():
    try:
        print('backoff ->', await asyncio.wait_for(work.backoff(2), 0.5))
    except Exception as e:
        print('ERR', type(e).__name__)
asyncio.run(main())
