# asyncmod-runtime: compare
import asyncio, signal

class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('guard: suppressed')
        return True

def guard():
    return Guard()

async def main():
    await asyncio.sleep(0.01)
    signal.raise_signal(signal.SIGINT)
    async with guard():
        await asyncio.sleep(1)
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
