# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
c = Conn()
c.fill(flush=lambda: print('sync flush'))
asyncio.run(c.run())
