# asyncmod-runtime: compare
import asyncio


async def main():
    sent = []
    try:
        async def _send():
            await asyncio.sleep(0.01)
            sent.append("hello")

        task = asyncio.ensure_future(_send())
        await task
    finally:
        print("sent:", sent)


asyncio.run(main())
