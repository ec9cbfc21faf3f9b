"""Objects made at import time belong to the loop current then."""
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
seen = []

READY = asyncio.Future()  # bound to the loop `get_event_loop()` gives


async def tick():
    seen.append("tick")


asyncio.ensure_future(tick())  # scheduled on that same loop


async def main():
    asyncio.get_running_loop().call_soon(READY.set_result, "ready")
    return await READY, seen


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    # leave, reported: `asyncio.run` would run `main` on another loop
    print(loop.run_until_complete(main()))
