# asyncmod-runtime: compare
# A test patches app.work.sleep (the module's own binding of time.sleep): the
# fixed code would no longer call the fake.
import asyncio
from unittest import mock
from app import work

async def main():
    try:
        with mock.patch("app.work.sleep") as fake_sleep:
            r = await asyncio.wait_for(work.backoff(2), 0.5)
            print("backoff ->", r, "sleeps:", fake_sleep.call_args_list)
    except Exception as e:
        print("ERR", type(e).__name__, e)

asyncio.run(main())
