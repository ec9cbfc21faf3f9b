# asyncmod-runtime: compare
import asyncio
from app.waits import backoff


async def main():
    try:
        await backoff(0.01)
        print("slept")
    except ValueError as e:
        print("bad delay", e)
    await backoff(delay=0.02)
    print("slept again")


asyncio.run(main())
