import asyncio
import logging
log = logging.getLogger("x")
class Boom(Exception):
    pass
def report():
    raise Boom("cleanup failed")
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        cb = report
        cb()
