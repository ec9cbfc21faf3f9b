"""The same with the result used after the `try`: "stopping" prints before
the generator is finalized, and must stay so."""
import asyncio


async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finalized")


async def main():
    async for x in gen():
        break
    return "ok"


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())  # leave, reported
    finally:
        print("stopping")
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    print(result)
