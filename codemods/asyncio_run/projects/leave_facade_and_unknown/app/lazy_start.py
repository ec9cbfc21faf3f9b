import asyncio

from app.lazy import start

if __name__ == "__main__":
    # leave (unsafe only): what `start` returns is unknown
    asyncio.get_event_loop().run_until_complete(start())
