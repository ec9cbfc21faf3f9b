# asyncmod-runtime: compare
import asyncio, signal
from pkg.b import g

async def main():
    await g()
    print('main went on')


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exiting")
