# asyncmod-runtime: compare
# leave: app/bg.py's coroutine keeps a StreamWriter in a global that its atexit callback closes; `asyncio.run` closes the loop first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
