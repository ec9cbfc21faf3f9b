# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
asyncio.run(Conn(flush=lambda: print('sync flush')).run())
