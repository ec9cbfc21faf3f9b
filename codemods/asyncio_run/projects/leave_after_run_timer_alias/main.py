# asyncmod-runtime: compare
# leave: `from threading import Timer as After`: the timer fires after the run and uses the loop;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
