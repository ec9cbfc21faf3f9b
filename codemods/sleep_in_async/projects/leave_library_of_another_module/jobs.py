import time


async def poll():
    print("polling")
    time.sleep(0.01)  # leave, reported: the project uses twisted
    return "polled"
