# asyncmod-runtime: compare
# rewrite (safe): importing app.util makes only calls of the standard
# library that run no code of the project and touch no event loop
import asyncio

from app.util import fetch

if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(fetch(3)))
    loop.close()
