# asyncmod-test: --unsafe-fixes
import asyncio
from asyncio import CancelledError


async def explicit(job):
    try:
        await job()
    except asyncio.CancelledError:  # leave: handled on purpose
        print("cancelled")
    except:
        pass


async def imported(job):
    try:
        await job()
    except (CancelledError, KeyboardInterrupt):  # leave
        return None
    except BaseException:
        return None


async def aliased(job):
    from asyncio import exceptions

    try:
        await job()
    except exceptions.CancelledError:  # leave: asyncio.exceptions.CancelledError
        raise
    except:
        pass
