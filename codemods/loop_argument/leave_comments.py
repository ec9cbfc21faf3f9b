import asyncio


async def commented(loop):
    await asyncio.sleep(1,  # one second
                        loop=loop)  # leave, reported: the comment above would go
    lock = asyncio.Lock(loop=loop  # the loop
                        )  # leave, reported: the comment inside would go
    await asyncio.wait_for(job(), loop=loop, timeout=1)  # noqa: AM201 -- leave
    return lock
