"""Polls a feed, giving up on slow responses."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def poll(feed, timeout=5):
    try:
        return await asyncio.wait_for(feed.read(), timeout)
    except asyncio.TimeoutError:  # rewrite
        log.warning("feed %s timed out", feed)
        return None
