import asyncio

from app import errors
from app.errors import Base


# leave: both classes derive from CancelledError through another module of
# the project; on 3.11 wait_for turns them into TimeoutError on a timeout,
# asyncio.timeout() lets them through.
class Aborted(Base):
    pass


class Halted(errors.Stopped):
    pass


async def job(error):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise error("job aborted")


async def run():
    for error in (Aborted, Halted):
        try:
            await asyncio.wait_for(job(error), 0.05)
        except TimeoutError:
            print("timed out")
        except (Aborted, Halted):
            print("aborted")
