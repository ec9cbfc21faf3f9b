"""The `finally` prints before it finalizes the async generators:
`asyncio.run` would finalize them before the print."""
import asyncio


async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finalized")


async def main():
    async for x in gen():
        print("got", x)
        break
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main())  # leave, reported
    finally:
        print("teardown")
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
