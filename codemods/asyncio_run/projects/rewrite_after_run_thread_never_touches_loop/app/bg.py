import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor as Pool


def work(name, delay):
    time.sleep(delay)
    print(f"{name}: done")


async def start():
    threading.Thread(target=work, args=("thread", 0.1)).start()
    pool = Pool(1)
    pool.submit(work, "pool", 0.3)
    pool.shutdown(wait=False)
    await asyncio.sleep(0)
    print("started")
