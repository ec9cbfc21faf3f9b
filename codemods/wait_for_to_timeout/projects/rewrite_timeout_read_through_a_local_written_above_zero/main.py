# asyncmod-runtime: compare
import asyncio
from app import svc, settings

svc.TIMEOUT = 2.5
settings.TIMEOUT = 2.5
svc.RETRY_BASE = 2.5
svc.SCALE = 2.5


async def run(name, take):
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await take(q)
        print(name, "got", r, "left", q.qsize())
    except TimeoutError:
        print(name, "timeout; left", q.qsize())


async def main():
    await run("alias", lambda q: svc.take(q))
    await run("either", lambda q: svc.take_either(q))
    await run("configured", lambda q: svc.take_configured(q))
    await run("retry", lambda q: svc.take_retry(q))
    await run("scaled", lambda q: svc.take_scaled(q))


asyncio.run(main())
