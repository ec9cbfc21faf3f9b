# asyncmod-runtime: compare
import asyncio, threading
import compat
compat.apply()
async def work():
    return threading.current_thread().name
async def main():
    r = asyncio.run(work())
    print("ran in", r)
if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())
    loop.close()
