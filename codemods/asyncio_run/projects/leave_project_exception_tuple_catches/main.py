# asyncmod-runtime: compare
import asyncio, signal
from pkg.errors import ALL

async def main():
    try:
        await asyncio.sleep(0.01)
        signal.raise_signal(signal.SIGINT)
        await asyncio.sleep(1)
    except ALL:
        print('main: stopped')


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exiting")
