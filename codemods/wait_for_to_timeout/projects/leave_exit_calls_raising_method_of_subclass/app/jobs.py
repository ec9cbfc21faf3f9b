import asyncio

class Base:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        self.rollback()
class Tx(Base):
    def rollback(self):
        raise RuntimeError("rollback failed")
async def job():
    with Tx():
        await asyncio.sleep(0.5)
    return "partial"
