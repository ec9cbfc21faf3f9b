"""A bare `except:` shim takes the other path when `loop=` raises (unsafe fix only)."""
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        ev = asyncio.Event(loop=loop)
        mode = "legacy"
    except:
        mode = "modern"
    print(mode)

asyncio.run(main())
