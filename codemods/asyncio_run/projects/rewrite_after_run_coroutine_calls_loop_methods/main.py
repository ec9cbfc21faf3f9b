# asyncmod-runtime: compare
# rewrite (safe): the coroutine asks for its loop only to call its methods
# (`run_in_executor` with a pool of its own): the loop goes nowhere else,
# and the pool's thread never touches it
import asyncio
from app.bg import start
if __name__ == "__main__":
    print(asyncio.get_event_loop().run_until_complete(start()))
