import asyncio
import threading
import time

FUT = []
def worker():
    time.sleep(0.1)
    try:
        FUT[0].set_result("late")
        print("thread: delivered")
    except RuntimeError as e:
        print("thread:", e)
async def start():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(print)
    FUT.append(fut)
    threading.Thread(target=worker).start()
    print("started")
