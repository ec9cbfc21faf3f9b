# asyncmod-test: --unsafe-fixes
import asyncio
import logging

log = logging.getLogger(__name__)


async def logged(job):
    try:
        await job()
    except:  # leave: re-raises
        log.exception("job failed")
        raise


async def wrapped(job):
    try:
        await job()
    except BaseException as exc:  # leave: raises, if only another error
        raise RuntimeError("job failed") from exc


async def sometimes(job, retry):
    try:
        await job()
    except BaseException:  # leave: a `raise` on some path is a decision
        if not retry:
            raise
