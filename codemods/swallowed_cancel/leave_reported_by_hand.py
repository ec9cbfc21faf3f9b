# asyncmod-test: --unsafe-fixes
import asyncio

log = []


async def close():
    try:
        await asyncio.sleep(0.02)
        log.append("closed")
    except:  # leave, reported: run under asyncio.shield below, kept from cancellation on purpose
        log.append("swallowed")


async def stop():
    await asyncio.shield(close())


async def other_types():
    try:
        await asyncio.sleep(1)
    except BaseException as e:  # leave, reported: it tests the type, but not for cancellation
        if isinstance(e, KeyboardInterrupt):
            return "ki"
        print("swallowed", type(e).__name__)
    return "went on"
