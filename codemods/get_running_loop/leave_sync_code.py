import asyncio

loop = asyncio.get_event_loop()  # leave: module level (see asyncio-run)


def main():
    event_loop = asyncio.get_event_loop()  # leave: synchronous code
    event_loop.run_until_complete(work())


async def work():
    await asyncio.sleep(0)


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(work())  # leave
