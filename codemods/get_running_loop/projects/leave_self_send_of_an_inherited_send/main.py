# asyncmod-runtime: compare
import asyncio
import chat


async def job():
    loop = asyncio.get_event_loop()
    return loop is asyncio.get_running_loop()


print("same loop:", asyncio.run(job()))
