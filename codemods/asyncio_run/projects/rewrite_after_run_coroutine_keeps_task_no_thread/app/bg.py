import asyncio
BACKGROUND = set()
async def job(n):
    await asyncio.sleep(0)
    print("job", n)
async def start():
    for n in range(2):
        t = asyncio.create_task(job(n))
        BACKGROUND.add(t)
        t.add_done_callback(BACKGROUND.discard)
    await asyncio.gather(*BACKGROUND)
    print("started")
