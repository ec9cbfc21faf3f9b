# asyncmod-runtime: compare
import asyncio
import threading, time
STOP = threading.Event()

def poll():
    while not STOP.wait(0.01):
        pass
    return 'stopped'

async def main():
    asyncio.get_running_loop().run_in_executor(None, poll)
    await asyncio.sleep(0.02)
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        STOP.set()
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
