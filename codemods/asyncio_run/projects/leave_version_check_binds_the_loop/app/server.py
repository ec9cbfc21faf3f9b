import asyncio
import sys

if sys.version_info >= (3, 8):
    READY = asyncio.get_event_loop().create_future()
else:
    READY = None


async def serve():
    READY.set_result("ready")
    print("served", await READY)
