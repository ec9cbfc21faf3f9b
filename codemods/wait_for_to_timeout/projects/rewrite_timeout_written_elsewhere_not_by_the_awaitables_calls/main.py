# asyncmod-runtime: compare
import asyncio
import app.svc as svc
from app import setup
async def main():
    setup.slow_mode()
    try:
        r = await svc.run()
        print("got", r)
    except BaseException as e:
        print("error", type(e).__name__, e)
asyncio.run(main())
