# The module binds a global behind its statements' backs (alias_sys): the
# name the fix relies on may be something else when the code runs.
import asyncio
import sys as s
T = 1.0


def configure():
    s.modules[__name__].T = 0


async def job():
    print("job started")
    await asyncio.sleep(0)
    return 1


async def main():
    configure()
    try:
        r = await asyncio.wait_for(job(), T)
        print(r)
    except asyncio.TimeoutError:
        print("timeout")


asyncio.run(main())
