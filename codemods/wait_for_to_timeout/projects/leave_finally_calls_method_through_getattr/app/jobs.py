import asyncio
class Boom(Exception):
    pass
class Conn:
    def close(self):
        raise Boom("close failed")
async def job():
    c = Conn()
    try:
        await asyncio.sleep(0.5)
    finally:
        getattr(c, "close")()
