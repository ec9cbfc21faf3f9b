# asyncmod-runtime: compare
import asyncio

from svc import load_retries


async def main():
    try:
        retries = await load_retries()
    except Exception as e:
        print("bad config, using default:", type(e).__name__)
        retries = 1
    print("retries", retries)


asyncio.run(main())
