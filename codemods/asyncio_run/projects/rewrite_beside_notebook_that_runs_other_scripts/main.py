# asyncmod-runtime: compare
# rewrite (safe): `notebooks/explore.ipynb` runs other modules and scripts
# with IPython's `%run` (`-m app.report`, `scripts/seed.py`), times a call
# with `run_line_magic("time", …)`, and names `%run main.py` only in a
# comment: nothing runs this script again
import asyncio

from app.cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(work()))
    finally:
        loop.close()
