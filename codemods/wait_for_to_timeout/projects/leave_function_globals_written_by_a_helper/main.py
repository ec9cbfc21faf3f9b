# asyncmod-runtime: compare
import asyncio

from commands import params


class Member:
    pass


def greet(who: "Member", times: "int"):
    pass


async def slow():
    await asyncio.sleep(1)


async def main():
    print(sorted(params(greet)))
    try:
        await asyncio.wait_for(slow(), 0.01)
    except TimeoutError as e:
        print("timeout", type(e).__name__)


asyncio.run(main())
