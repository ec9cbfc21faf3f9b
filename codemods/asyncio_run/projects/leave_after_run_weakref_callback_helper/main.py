# asyncmod-runtime: compare
# leave: a weakref callback, run when the script drops the object after the run,
# schedules on the current loop through app/util.py; `asyncio.run` leaves none
import asyncio
from app.bg import KEEP, start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    KEEP.clear()
