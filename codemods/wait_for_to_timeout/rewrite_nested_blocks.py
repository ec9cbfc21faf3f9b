import asyncio
import logging

log = logging.getLogger(__name__)
lock = asyncio.Lock()


async def worker(queue, jobs):
    while True:
        job = await asyncio.wait_for(queue.get(), 30)  # rewrite: inside while
        if job is None:
            break
        for attempt in range(3):
            try:
                await asyncio.wait_for(job.run(), timeout=job.limit)  # rewrite: inside try
            except TimeoutError:
                log.warning("attempt %d timed out", attempt)
            else:
                break
        async with lock:
            jobs.done += await asyncio.wait_for(job.count(), 1)  # rewrite: inside async with, an asyncio.Lock never suppresses
        match job.kind:
            case "report":
                await asyncio.wait_for(job.report(), 2)  # rewrite: inside match
