# asyncmod-runtime: compare
# rewrite (safe): a thread outlives the run, but no code of the project uses
# an event loop outside a coroutine: nothing needs the loop the code left open
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
