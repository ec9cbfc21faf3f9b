# asyncmod-runtime: compare
# Other objects' attributes named `wait_for` and `timeout`: asyncio's own
# functions are untouched, the rewrite keeps what runs.
import asyncio

import app.compat


async def job():
    await asyncio.sleep(0)
    return 42


async def main():
    r = await asyncio.wait_for(job(), 1)
    print("result", r, app.compat.client.wait_for(), app.compat.m_asyncio.wait_for)


asyncio.run(main())
