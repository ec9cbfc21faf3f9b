from time import sleep


def log(message):
    print(message)

async def backoff(n):
    for i in range(n):
        sleep(0.01)
    return n
