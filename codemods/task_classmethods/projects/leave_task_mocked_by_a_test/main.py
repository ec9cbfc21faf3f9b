# asyncmod-runtime: compare
import asyncio


async def who():
    me = asyncio.Task.current_task()  # an unsafe fix only: tests/test_who.py mocks `asyncio.Task`
    return me is not None


if __name__ == "__main__":
    print("running task found:", asyncio.run(who()))
