import asyncio
class Boom(Exception):
    pass
def flush():
    raise Boom("flush failed")
CLEANUP = [flush]
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        for cb in CLEANUP:
            cb()
