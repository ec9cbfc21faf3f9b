# asyncmod-test: --unsafe-fixes
import asyncio


async def narrow(job):
    try:
        await job()
    except Exception:  # leave: CancelledError is not an Exception since 3.8
        pass
    try:
        await job()
    except (ValueError, KeyError):  # leave
        pass
    try:
        await job()
    except* BaseException:  # leave: except* is not handled
        pass
