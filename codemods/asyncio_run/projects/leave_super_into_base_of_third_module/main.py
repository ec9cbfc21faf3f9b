# asyncmod-runtime: compare
import asyncio, signal
from pkg.worker import Worker


async def main():
    await asyncio.sleep(0.01)
    signal.raise_signal(signal.SIGINT)
    r = await Worker().run()
    print('main went on', r)


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exiting")
