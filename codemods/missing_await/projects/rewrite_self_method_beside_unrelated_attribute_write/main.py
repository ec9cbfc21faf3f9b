# asyncmod-runtime: compare
import asyncio

import app.other  # noqa: F401
from app.svc import Svc


async def main():
    await Svc().run()


asyncio.run(main())
