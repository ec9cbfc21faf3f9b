# asyncmod-test: --unsafe-fixes
"""A poller that nothing can stop."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def poll(source, interval):
    while True:
        try:
            await source.fetch()
        except:  # rewrite: catches the cancellation too
            log.exception("poll failed")
        await asyncio.sleep(interval)
