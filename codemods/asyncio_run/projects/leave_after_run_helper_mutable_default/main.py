# asyncmod-runtime: compare
# leave (unsafe): `pending()` keeps the task `main()` hands it in its mutable
# default argument, which the call after the run gives back
import asyncio


def pending(task=None, _seen=[]):
    if task is not None:
        _seen.append(task)
    return _seen


async def background():
    await asyncio.sleep(10)


async def main():
    pending(asyncio.create_task(background()))
    await asyncio.sleep(0)
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())
    finally:
        loop.close()
    print(result, "cancelled:", pending()[0].cancelled())
