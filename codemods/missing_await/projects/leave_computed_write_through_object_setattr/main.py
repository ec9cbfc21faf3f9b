# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
c = Conn()
c.configure(flush=lambda: print('sync flush'))
asyncio.run(c.run())
