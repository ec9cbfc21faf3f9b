# asyncmod-runtime: compare
import asyncio
import dataclasses

from app.conn import Conn


def sync_flush(self):
    print("dry-run: skip flush")


DryRunConn = dataclasses.make_dataclass("DryRunConn", [], bases=(Conn,), namespace={"flush": sync_flush})


async def main():
    try:
        print(await DryRunConn().work())
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
