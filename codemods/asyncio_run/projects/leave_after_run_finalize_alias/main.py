# asyncmod-runtime: compare
# leave: `from weakref import finalize as fin`: the callback runs at exit on the open loop;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
