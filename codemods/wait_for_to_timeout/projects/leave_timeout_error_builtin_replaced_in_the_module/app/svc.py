import asyncio, builtins
class AppTimeout(Exception):
    pass
async def slow():
    await asyncio.sleep(1)
async def run():
    builtins.TimeoutError = AppTimeout
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError as e:
        return "handled " + type(e).__name__
