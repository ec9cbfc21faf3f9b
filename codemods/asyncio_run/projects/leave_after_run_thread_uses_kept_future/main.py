# asyncmod-runtime: compare
# leave: app/bg.py's coroutine keeps a future in a global list; a thread sets its result after the run
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
