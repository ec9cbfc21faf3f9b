# asyncmod-runtime: compare
# leave: a method of the coroutine keeps its loop on an attribute and hands it to
# a thread that schedules on it after the run; `asyncio.run` would close it first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
