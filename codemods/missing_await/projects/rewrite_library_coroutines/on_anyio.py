import aiofiles.os
import anyio


async def tidy(p):
    # leave: a module that also uses anyio may run on trio, where what
    # asyncio's libraries return finds no loop
    aiofiles.os.remove(p)
    # leave: anyio's and trio's own coroutine functions are left to their
    # own tools
    anyio.sleep(1)
