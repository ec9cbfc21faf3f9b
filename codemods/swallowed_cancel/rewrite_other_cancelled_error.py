# asyncmod-test: --unsafe-fixes
import asyncio
import concurrent.futures


async def run(job):
    try:
        await job()
    except concurrent.futures.CancelledError:  # not asyncio's cancellation since 3.8
        pass
    except:  # rewrite
        pass
