# asyncmod-runtime: compare
import asyncio

from app.other import Holder, configure
from app.work import job

configure(Holder(), 1)
asyncio.run(job())
