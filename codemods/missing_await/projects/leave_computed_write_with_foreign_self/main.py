# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
from app.loose import Loose
c = Conn()
Loose.fill(c, flush=lambda: print('sync flush'))
asyncio.run(c.run())
