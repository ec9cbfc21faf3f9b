# asyncmod-runtime: compare
# rewrite (safe): the code closes its loop itself, so an `atexit` hook
# elsewhere sees a closed loop before and after
import asyncio

from client import connect


async def main():
    print(await connect())
    print([f() for f in (lambda: 1,)])


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
