# asyncmod-runtime: compare
import asyncio

from app.conn import Conn


async def main():
    try:
        print(await Conn().work())
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
