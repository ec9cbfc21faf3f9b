# asyncmod-runtime: compare
# leave: app/bg.py's coroutine hands `loop.call_soon_threadsafe` to a thread that calls it after the run
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
