# asyncmod-runtime: compare
import asyncio

from app.base import Base
from app.sub import Sub

settings = {}
exec("LIMIT = 3", settings)


async def main():
    svc = Base()
    await type(svc).run(svc)
    await svc.__class__.run(svc)
    await Sub().run()
    print("limit", settings["LIMIT"])


asyncio.run(main())
