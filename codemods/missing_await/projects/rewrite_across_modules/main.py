# asyncmod-runtime: compare
import asyncio

from app.handlers import handle
from service.store import Repo


async def main():
    await handle("r", Repo())
    print("handled")


asyncio.run(main())
