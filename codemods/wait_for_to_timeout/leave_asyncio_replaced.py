# The module replaces `asyncio.wait_for`: `asyncio.timeout` would not call
# the stand-in.
import asyncio


async def patient_wait_for(aw, timeout):
    print("patient wait_for, ignoring", timeout)
    return await aw


asyncio.wait_for = patient_wait_for


async def work():
    await asyncio.sleep(0.05)
    return "done"


async def main():
    result = await asyncio.wait_for(work(), 0.01)
    print(result)


asyncio.run(main())
