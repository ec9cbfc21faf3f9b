# asyncmod-runtime: compare
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


# rewrite, safe at module level (it runs once): `x = asyncio.run(C)`, the
# setup and teardown around it go
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
result = loop.run_until_complete(add(2, 3))
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print("result", result)
