import asyncio
class Boom(Exception):
    pass
def _bad():
    raise Boom("bad")
ON_EXIT = {"db": _bad}
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        ON_EXIT["db"]()
