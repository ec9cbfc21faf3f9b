import asyncio


async def job(x):
    print("job", x)


def budget():
    raise RuntimeError("no budget")


async def main(urls, mode):
    # leave without --unsafe-fixes: if `urls[5]` raises, the task of
    # `job(urls[0])` would run on in the background; before, nothing ran
    try:
        await asyncio.wait([job(urls[0]), job(urls[5])])
    except IndexError:
        print("IndexError")
    # leave: an invalid `return_when` raises after the task exists
    try:
        await asyncio.wait([job(1)], return_when=mode)
    except ValueError:
        print("ValueError")
    # leave: the timeout is computed after the task exists
    try:
        await asyncio.wait([job(2)], timeout=budget())
    except RuntimeError:
        print("RuntimeError")
    await asyncio.sleep(0.05)
    print("end")


asyncio.run(main(["a"], "bogus"))
