"""A handler spelled `builtins.TypeError` (reported, no fix)."""
import asyncio
import builtins

async def main():
    loop = asyncio.get_running_loop()
    try:
        ev = asyncio.Event(loop=loop)
        mode = "legacy"
    except builtins.TypeError:
        mode = "modern"
    print(mode)

asyncio.run(main())
