from time import (
    monotonic,
    sleep,
)


async def wait():
    sleep(1)  # rewrite
    return monotonic()
