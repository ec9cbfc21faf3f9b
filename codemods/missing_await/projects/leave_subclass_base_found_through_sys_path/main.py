# asyncmod-runtime: compare
import asyncio

from tools.fakes import DryRunConn


async def main():
    try:
        print(await DryRunConn().work())
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
