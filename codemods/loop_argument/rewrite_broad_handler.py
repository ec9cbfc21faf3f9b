"""A broad handler did not mean to catch the `TypeError` of `loop=`."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def ping(writer, loop):
    try:
        await asyncio.wait_for(writer.drain(), 5, loop=loop)  # rewrite
    except Exception:
        log.exception("ping failed")  # ran on every call since Python 3.10
