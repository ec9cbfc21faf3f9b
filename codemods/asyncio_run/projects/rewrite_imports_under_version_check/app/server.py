import asyncio
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:
    tomllib = None


async def serve():
    await asyncio.sleep(0)
    print("served", tomllib is not None)
