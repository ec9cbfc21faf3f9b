# asyncmod-runtime: compare
# leave: a thread of a pool started in the coroutine uses the loop the code left open, after the run
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
