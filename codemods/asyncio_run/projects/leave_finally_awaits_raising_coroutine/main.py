# asyncmod-runtime: compare
import asyncio, signal

async def close_all():
    raise RuntimeError('close failed')

async def main():
    try:
        await asyncio.sleep(0.01)
        signal.raise_signal(signal.SIGINT)
        await asyncio.sleep(1)
    finally:
        await close_all()


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exiting")
