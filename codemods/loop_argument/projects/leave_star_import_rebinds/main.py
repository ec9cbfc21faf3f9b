# asyncmod-runtime: compare
import asyncio
from asyncio import Queue, get_event_loop
from testcompat import *


async def main():
    loop = asyncio.get_running_loop()
    q = Queue(loop=loop)
    print(q.bound_loop is loop, type(get_event_loop()).__name__)


asyncio.run(main())
