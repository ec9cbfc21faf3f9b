"""Heartbeats for connected clients."""
import asyncio
import logging

log = logging.getLogger(__name__)


class Heartbeat:
    def __init__(self, interval):
        self.interval = interval
        self._handle = None

    async def start(self, client):
        loop = asyncio.get_event_loop()  # rewrite
        self._handle = loop.call_later(self.interval, self._beat, client)

    def _beat(self, client):
        log.debug("beat %s", client)


async def deadline(seconds):
    # rewrite: chained use keeps its shape
    return asyncio.get_event_loop().time() + seconds
