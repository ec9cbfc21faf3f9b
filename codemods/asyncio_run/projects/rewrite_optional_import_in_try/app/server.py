import asyncio

try:
    import zoneinfo
except ImportError:
    zoneinfo = None


async def serve():
    await asyncio.sleep(0)
    print("served", zoneinfo is not None)
