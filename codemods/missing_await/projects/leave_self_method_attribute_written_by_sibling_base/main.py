# asyncmod-runtime: compare
import asyncio

from app.other import Both


async def main():
    await Both().run()


asyncio.run(main())
