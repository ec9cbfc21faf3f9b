# asyncmod-runtime: compare
# rewrite (safe): the coroutine of `app/jobs.py` gives back a dict of plain
# data, as the project index shows: the result may be used after the run
import asyncio

from app.jobs import run_all

if __name__ == "__main__":
    result = asyncio.get_event_loop().run_until_complete(run_all(["a", "b"]))
    print(result["summary"], result.get("count"))
