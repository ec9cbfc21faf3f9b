# asyncmod-runtime: compare
import asyncio
from app.waits import backoff, retry


async def main():
    for delay in (0.01, -1):
        try:
            await backoff(delay)
            print("slept", delay)
        except ValueError as e:
            print("bad delay", delay, e)
    print("retried", await retry(3))


asyncio.run(main())
