# asyncmod-runtime: compare
# leave: a finalizer spelled `__del__ = close` runs the open loop when the object goes, after the run;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
