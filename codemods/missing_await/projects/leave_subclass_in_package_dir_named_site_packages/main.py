# asyncmod-runtime: compare
import asyncio
import importlib

fakes = importlib.import_module("app.site-packages.fakes")


async def main():
    try:
        print(await fakes.DryRunConn().work())
    except Exception as e:
        print(type(e).__name__, e)


asyncio.run(main())
