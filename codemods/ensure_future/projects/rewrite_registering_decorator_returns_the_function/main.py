# asyncmod-runtime: compare
import asyncio

JOBS = []

def register(fn):
    JOBS.append(fn)
    return fn

@register
async def job():
    print("job ran")

async def main():
    job()
    t = asyncio.ensure_future(job())
    await t

asyncio.run(main())
