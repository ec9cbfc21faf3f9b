import asyncio

READY = []


def prepare():
    loop = asyncio.get_event_loop()
    READY.append(loop.create_future())
    loop.call_soon(READY[0].set_result, "ready")


async def main():
    print(await READY[0])
