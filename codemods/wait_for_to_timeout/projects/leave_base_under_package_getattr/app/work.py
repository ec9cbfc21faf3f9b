import asyncio

from app import errors


# leave: `from app import errors` asks the package's `__getattr__`, which
# gives a module whose `AppError` derives from CancelledError.
class Failed(errors.AppError):
    pass


async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise Failed("job failed")


async def run():
    try:
        await asyncio.wait_for(job(), 0.05)
    except TimeoutError:
        print("timed out")
    except Failed:
        print("failed")
