# asyncmod-runtime: compare
# A test patches another name of app.work (`log`): the sleep is still
# time.sleep, and becomes asyncio's.
import asyncio
from unittest import mock
from app import work

async def main():
    try:
        with mock.patch("app.work.log") as fake_log:
            r = await asyncio.wait_for(work.backoff(2), 5)
            print("backoff ->", r, "sleeps:", fake_log.call_args_list)
    except Exception as e:
        print("ERR", type(e).__name__, e)

asyncio.run(main())
