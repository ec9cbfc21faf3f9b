import asyncio
import patch
import aiofiles.os


async def handle():
    open('/tmp/attack-a5/tmpf', 'w').close()
    aiofiles.os.remove('/tmp/attack-a5/tmpf')
    print('done')


asyncio.run(handle())
