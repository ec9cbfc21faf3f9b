# asyncmod-runtime: compare
# rewrite (safe): a finalizer runs after the run, but it only closes a file:
# no code of the project uses an event loop outside a coroutine
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
