# asyncmod-runtime: compare
# leave: a gc callback runs the open loop when a collection happens after the run;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
