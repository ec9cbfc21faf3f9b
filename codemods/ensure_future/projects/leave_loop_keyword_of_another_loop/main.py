# asyncmod-runtime: compare
import asyncio


async def job():
    return "job ran"


async def start(loop: asyncio.AbstractEventLoop):
    return asyncio.ensure_future(job(), loop=loop)


other = asyncio.new_event_loop()


async def main():
    task = await start(other)
    print("on the other loop:", task.get_loop() is other)
    return task


task = asyncio.run(main())
print(other.run_until_complete(task))
other.close()
