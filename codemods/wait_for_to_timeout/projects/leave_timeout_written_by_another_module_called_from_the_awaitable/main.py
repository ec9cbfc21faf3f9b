# asyncmod-runtime: compare
import asyncio
import app.svc as svc
async def main():
    try:
        r = await svc.run()
        print("got", r)
    except BaseException as e:
        print("error", type(e).__name__, e)
asyncio.run(main())
