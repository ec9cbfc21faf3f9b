import asyncio

try:
    import no_such_module_here
except ImportError:
    READY = asyncio.get_event_loop().create_future()


async def serve():
    READY.set_result("ready")
    print("served", await READY)
