# asyncmod-runtime: compare
import asyncio
import app.svc as svc
import app.other as other
MODS = [svc, other]
for m in MODS:
    m.TIMEOUT = 0
async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())
asyncio.run(main())
