# asyncmod-runtime: compare
import asyncio, signal

def report():
    raise SystemExit('stopped by report')

async def main():
    try:
        await asyncio.sleep(0.01)
        signal.raise_signal(signal.SIGINT)
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        report()
        raise


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
    print("exiting")
