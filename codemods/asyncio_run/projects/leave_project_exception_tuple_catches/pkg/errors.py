import asyncio
ALL = (ValueError, asyncio.CancelledError)
