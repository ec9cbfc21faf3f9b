import asyncio

ABORT = asyncio.CancelledError
