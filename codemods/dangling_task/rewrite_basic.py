# asyncmod-test: --unsafe-fixes
"""Request handlers that fire off background work."""
import asyncio
import logging

from app.audit import record

log = logging.getLogger(__name__)


async def handle(request):
    asyncio.create_task(record(request))  # rewrite: nothing holds the task
    log.info("handled %s", request)
    return {"status": "ok"}
