# asyncmod-runtime: compare
import asyncio

from plug import instrument
from svc.conn import Conn

asyncio.run(instrument(Conn()).run())
