import asyncio

STOP = (asyncio.CancelledError, KeyboardInterrupt)
