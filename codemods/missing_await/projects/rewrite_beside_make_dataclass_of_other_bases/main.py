# asyncmod-runtime: compare
import asyncio

from app.conn import Conn
from app.shapes import Labelled, Point


async def main():
    try:
        print(await Conn().work())
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
print(Labelled("a"), Point(1, 2))
