# asyncmod-runtime: compare
import asyncio
from app import work
from app.inspecting import describe

print(describe(asyncio))


async def main():
    print(await work.run())


asyncio.run(main())
