import time

async def work():
    print("start")
    time.sleep(0.01)
    print("end")
    return 42
