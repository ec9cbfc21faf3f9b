import asyncio

from cache import work

if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(work()))
