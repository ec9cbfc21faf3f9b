"""`contextlib.suppress(Exception)` swallows the `TypeError` (unsafe fix only)."""
import asyncio
import contextlib

registry = []

async def main():
    loop = asyncio.get_running_loop()
    with contextlib.suppress(Exception):
        registry.append(asyncio.Queue(loop=loop))
    print("registered", len(registry))

asyncio.run(main())
