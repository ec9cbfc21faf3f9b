from asyncio import exceptions as aexc
class Legacy(Exception):
    pass
aexc.TimeoutError = Legacy
