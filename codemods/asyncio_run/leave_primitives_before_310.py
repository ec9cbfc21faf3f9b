# asyncmod-test: --target-version py39
"""Before Python 3.10 a queue or lock takes `get_event_loop()` when created."""
import asyncio

JOBS = asyncio.Queue()


async def main():
    await JOBS.put("job")
    return await JOBS.get()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(main()))  # leave, reported: py39 may run it
