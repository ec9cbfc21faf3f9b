# asyncmod-runtime: compare
# rewrite (safe): the project runs `app.tool` again, never this module
import asyncio

from app.cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(work()))
    finally:
        loop.close()
