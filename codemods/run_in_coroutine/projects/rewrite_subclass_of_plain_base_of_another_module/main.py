# asyncmod-runtime: compare
import asyncio
import base
import jobs  # noqa: F401

async def main():
    results = await asyncio.gather(*(cls().run() for cls in base.JOBS), return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
