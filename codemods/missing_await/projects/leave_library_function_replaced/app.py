import aiofiles.os


async def cleanup(p):
    # leave: sync_patch.py replaces `aiofiles.os.remove` with a plain function
    aiofiles.os.remove(p)
