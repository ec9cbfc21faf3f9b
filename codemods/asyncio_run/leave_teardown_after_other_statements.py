"""The code prints the result before it finalizes the async generators;
`asyncio.run` would finalize them first."""
import asyncio


async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")


async def main():
    async for n in numbers():
        return n


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    first = loop.run_until_complete(main())  # leave, reported
    print(first)
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
