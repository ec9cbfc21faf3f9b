# asyncmod-runtime: compare
import asyncio
import os
import signal
import sys
from app.jobs import job
async def main():
    sys.unraisablehook = lambda u: print("unraisable:", type(u.exc_value).__name__)
    asyncio.get_running_loop().call_later(0.05, os.kill, os.getpid(), signal.SIGINT)
    r = await job()
    print("main got:", r)
if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main())
    except KeyboardInterrupt:
        print("interrupted")
    finally:
        loop.close()
