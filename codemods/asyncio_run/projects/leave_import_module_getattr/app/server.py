import asyncio


def __getattr__(name):
    loop = asyncio.get_event_loop()
    future = loop.create_future()
    loop.call_soon(future.set_result, name.lower())
    globals()[name] = future
    return future


async def main():
    print(await globals()["READY"])
