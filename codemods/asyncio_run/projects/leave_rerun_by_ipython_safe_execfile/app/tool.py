import asyncio
from app.shared import BG
async def heartbeat():
    while True:
        await asyncio.sleep(0.01)
        BG[1] += 1
async def serve():
    if not BG:
        BG.extend([asyncio.get_running_loop().create_task(heartbeat()), 0])
    await asyncio.sleep(0.05)
    print("heartbeat alive:", not BG[0].done(), "beats:", BG[1] > 0)

loop = asyncio.get_event_loop()
loop.run_until_complete(serve())
