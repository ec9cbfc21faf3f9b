import asyncio, sys
class ServiceTimeout(TimeoutError):
    pass
m = asyncio
m.TimeoutError = ServiceTimeout
