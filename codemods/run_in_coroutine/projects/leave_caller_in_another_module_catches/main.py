# asyncmod-runtime: compare
# `svc.get_value()` raises `RuntimeError` here, which this handler turns
# into the cached value: awaiting `refresh()` instead would change that.
import asyncio
import svc

async def main():
    try:
        v = await svc.get_value()
    except RuntimeError:
        v = "cached"
    print(v)

asyncio.run(main())
