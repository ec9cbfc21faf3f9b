# asyncmod-runtime: compare
# leave: `__del__` in app/base.py calls cleanup() of app/bg.py, which runs the open loop;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
