# asyncmod-runtime: compare
import asyncio
import app.compat
import app.svc as svc
async def main():
    try:
        print("result", await svc.run())
    except BaseException as e:
        print("escaped", type(e).__name__, e)
asyncio.run(main())
