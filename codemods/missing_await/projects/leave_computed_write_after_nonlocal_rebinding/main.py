# asyncmod-runtime: compare
import asyncio
from app.conn import Conn
from app.setup import make
asyncio.run(make('flush', Conn()).run())
