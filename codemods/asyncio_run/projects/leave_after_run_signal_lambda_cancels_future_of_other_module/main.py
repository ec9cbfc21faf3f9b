# asyncmod-runtime: compare
import asyncio
import os, signal
from app import svc

async def main():
    return await svc.work()

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
