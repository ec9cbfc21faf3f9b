from asyncio import CancelledError

Stopped = CancelledError
