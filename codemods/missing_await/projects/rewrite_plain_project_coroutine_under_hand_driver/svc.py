import asyncio

async def notify(msg):
    # rewrite: the body needs no loop, so the hand driver runs it through
    print("notify", msg)

async def work(items):
    notify("start")
    return sum(items)
