# asyncmod-runtime: compare
# rewrite (safe): `notebooks/explore.ipynb` imports and awaits the project's
# code, and its `%%bash` cell (which the kernel does not run as Python) only
# prints text that names a reload: nothing runs this script again
import asyncio

from app.cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(work()))
    finally:
        loop.close()
