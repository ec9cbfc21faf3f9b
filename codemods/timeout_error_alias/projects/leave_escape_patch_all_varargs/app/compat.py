import asyncio, sys, importlib, builtins
import asyncio.exceptions
from app import svc

class Expired(TimeoutError):
    pass

def patch_all(*mods):
    for m in mods:
        m.TimeoutError = Expired
patch_all(asyncio)
