import asyncio


async def job():
    # leave: app/patcher.py replaces `work.asyncio`
    loop = asyncio.get_event_loop()
    print(loop)
