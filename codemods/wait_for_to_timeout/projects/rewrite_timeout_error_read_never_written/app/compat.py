import asyncio
class AppTimeout(Exception):
    pass
# reads only
print(TimeoutError is asyncio.TimeoutError)
