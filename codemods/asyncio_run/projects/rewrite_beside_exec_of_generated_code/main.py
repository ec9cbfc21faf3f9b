# asyncmod-runtime: compare
# rewrite (safe): `app/records.py` runs code it builds with `exec`, not the
# source of a module of the project: this script still runs once
import asyncio

from app.cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(work()))
    finally:
        loop.close()
