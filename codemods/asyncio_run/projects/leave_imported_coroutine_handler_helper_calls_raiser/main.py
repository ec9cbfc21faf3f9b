# asyncmod-runtime: compare
import asyncio

from server import serve


async def main():
    await serve()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
