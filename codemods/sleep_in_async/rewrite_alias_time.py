import time as t


async def heartbeat(interval):
    while True:
        print("beat")
        t.sleep(interval)  # rewrite
