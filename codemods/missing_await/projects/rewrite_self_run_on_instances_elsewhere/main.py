# asyncmod-runtime: compare
import asyncio

from app.base import Base
from app.sub import Sub


async def main():
    svc = Base()
    await svc.run()
    await Sub().run()
    runner = Sub().run
    await runner()


asyncio.run(main())
