import asyncio


class AppError(asyncio.CancelledError):
    pass
