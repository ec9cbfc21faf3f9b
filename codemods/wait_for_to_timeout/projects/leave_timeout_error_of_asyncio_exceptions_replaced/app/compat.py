import asyncio.exceptions
class Legacy(Exception):
    pass
asyncio.exceptions.TimeoutError = Legacy
