import asyncio

from app.errors import AppError


# rewrite: the class derives from another module's class, which the project
# index follows to Exception: no CancelledError there (`from app.errors
# import AppError` imports `app.errors` itself: the package's `__getattr__`
# is not asked).
class Failed(AppError):
    pass


async def job():
    await asyncio.sleep(10)


async def run():
    try:
        await asyncio.wait_for(job(), 0.05)
    except TimeoutError:
        print("timed out")
    except Failed:
        print("failed")
