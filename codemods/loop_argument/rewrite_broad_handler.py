# asyncmod-test: --unsafe-fixes
"""A broad handler that did not mean to catch the `TypeError` of `loop=`: the fix is
unsafe (the module could catch it), and right here."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def ping(writer, loop):
    try:
        await asyncio.wait_for(writer.drain(), 5, loop=loop)  # rewrite
    except Exception:
        log.exception("ping failed")  # ran on every call since Python 3.10
