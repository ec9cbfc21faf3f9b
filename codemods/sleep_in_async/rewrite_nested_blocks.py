import asyncio
import time

lock = asyncio.Lock()


async def stream_of(request):
    yield request


async def handler(request, items):
    if request.slow:
        time.sleep(1)  # rewrite: inside if
    elif request.slower:
        time.sleep(2)  # rewrite: inside elif
    else:
        time.sleep(0.05)  # rewrite: inside else
    delays = [item.delay for item in items]
    for delay in delays:
        time.sleep(delay)  # rewrite: inside for, over a list of its own
    while not request.done:
        time.sleep(0.1)  # rewrite: inside while
    async with lock:
        time.sleep(0.2)  # rewrite: inside async with, an asyncio.Lock never suppresses
    async for chunk in stream_of(request):
        time.sleep(0.3)  # rewrite: inside async for
    try:
        time.sleep(0.4)  # rewrite: inside try
    except ValueError:  # a literal duration raises nothing it could catch
        pass
    match request.kind:
        case "retry":
            time.sleep(0.7)  # rewrite: inside match
    await asyncio.sleep(0)
