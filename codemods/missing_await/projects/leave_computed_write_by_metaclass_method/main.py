# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
from app.loose import Loose
c = Conn()
Loose.go(c)
asyncio.run(c.run())
