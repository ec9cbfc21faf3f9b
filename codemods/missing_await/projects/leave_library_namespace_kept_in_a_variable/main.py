# asyncmod-runtime: compare
import asyncio
import patch  # noqa


async def handle():
    asyncio.sleep(0)
    print('done')


asyncio.run(handle())
