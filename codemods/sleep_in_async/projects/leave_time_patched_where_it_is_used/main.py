# asyncmod-runtime: compare
# A test patches app.work.time: the fixed code would no longer call the
# fake's sleep.
import asyncio
import time as real_time
from unittest import mock
from app import work

async def main():
    t0 = real_time.monotonic()
    with mock.patch("app.work.time") as fake_time:
        try:
            r = await asyncio.wait_for(work.backoff(2), 0.5)
            print("backoff ->", r, "sleeps:", fake_time.sleep.call_args_list)
        except TimeoutError:
            print("backoff timed out")

asyncio.run(main())
