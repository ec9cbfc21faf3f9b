import asyncio

Stopped = asyncio.CancelledError
