# asyncmod-runtime: compare
import asyncio

async def keep():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('keep swallowed')
    return 'k'

class Svc:
    def _get(self):
        return keep()
    ready = property(_get)

async def caller():
    r = await asyncio.wait_for(Svc().ready, 5)
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
