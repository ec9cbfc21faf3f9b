# asyncmod-runtime: compare
import asyncio

from app.work import run

asyncio.run(run())
