# asyncmod-runtime: compare
# rewrite: app/bg.py's coroutine keeps its tasks in a global set (asyncio's own advice), and nothing of the project runs code after the run
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
