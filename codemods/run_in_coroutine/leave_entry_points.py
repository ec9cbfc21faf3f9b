import asyncio


async def main():
    await asyncio.sleep(0)


def cli():
    return asyncio.run(main())  # leave: a synchronous function


asyncio.run(main())  # leave: module level, outside a notebook

if __name__ == "__main__":
    asyncio.run(main(), debug=True)  # leave
