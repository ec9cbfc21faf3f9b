# asyncmod-test: --unsafe-fixes
"""A queue consumer from the Python 3.4 days."""
import asyncio
import logging

log = logging.getLogger(__name__)


@asyncio.coroutine
def consume(queue, handler):  # rewrite
    while True:
        item = yield from queue.get()  # unsafe: `queue.get()` could be anything
        if item is None:
            break
        try:
            yield from handler(item)
        finally:
            queue.task_done()
        yield from asyncio.sleep(0)
    log.info("consumer done")
