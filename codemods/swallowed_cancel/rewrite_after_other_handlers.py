# asyncmod-test: --unsafe-fixes
import asyncio


async def consume(queue, handler):
    while True:
        item = await queue.get()
        try:
            async with handler.lock:
                await handler(item)
        except ValueError:
            continue
        # The worker must survive anything.
        except:  # rewrite: the new clause goes right before this one
            continue
        finally:
            queue.task_done()
