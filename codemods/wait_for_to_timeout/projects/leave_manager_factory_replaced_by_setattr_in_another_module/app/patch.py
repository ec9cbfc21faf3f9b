import asyncio, contextlib
from app import conn
class Tolerant:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print('keeping exit')
        return True
setattr(conn, 'session', Tolerant)
