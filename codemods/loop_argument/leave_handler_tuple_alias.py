"""A handler naming a tuple alias that holds `TypeError` (reported, no fix)."""
import asyncio

LEGACY_ERRORS = (TypeError, AttributeError)

async def main():
    loop = asyncio.get_running_loop()
    try:
        ev = asyncio.Event(loop=loop)
        mode = "legacy"
    except LEGACY_ERRORS:
        ev = asyncio.Event()
        mode = "modern"
    print(mode)

asyncio.run(main())
