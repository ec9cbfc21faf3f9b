import asyncio
class Boom(Exception):
    pass
def fail():
    raise Boom("x")
close = lambda: fail()
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        close()
