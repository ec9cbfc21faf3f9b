"""A statement between the run and `loop.close()` in the `try`'s body: the
pending task's cleanup, which `asyncio.run` does before it returns, would
now print before "ok 5"."""
import asyncio


async def bg():
    try:
        await asyncio.sleep(5)
    finally:
        print("bg cleanup")


async def main():
    asyncio.ensure_future(bg())
    await asyncio.sleep(0)
    return 5


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        r = loop.run_until_complete(main())  # leave, reported
        print("ok", r)
    finally:
        loop.close()
