import asyncio

class Conn:
    def _get_closed(self):
        raise RuntimeError("connection state lost")
    closed = property(_get_closed)
async def job():
    c = Conn()
    try:
        await asyncio.sleep(0.5)
    finally:
        print("job: closed?", c.closed)
    return "partial"
