from time import sleep
async def backoff(n):
    for i in range(n):
        sleep(5)
    return n
