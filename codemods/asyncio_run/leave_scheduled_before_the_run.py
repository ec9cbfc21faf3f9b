import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
seen = []


async def tick():
    seen.append("tick")


def start_background():
    # Outside a coroutine: schedules on the current loop, the one the main
    # block runs below.
    asyncio.ensure_future(tick())


async def main():
    await asyncio.sleep(0)
    return seen


if __name__ == "__main__":
    start_background()
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(main()))  # leave, reported
