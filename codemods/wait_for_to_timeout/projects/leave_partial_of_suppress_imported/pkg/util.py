import asyncio, contextlib, functools

quiet = functools.partial(contextlib.suppress, asyncio.CancelledError)
