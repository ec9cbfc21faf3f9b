from time import sleep


async def backoff(n):
    for i in range(n):
        sleep(0.01)
    return n
