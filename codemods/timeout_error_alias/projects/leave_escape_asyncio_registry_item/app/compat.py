import asyncio, sys, importlib, builtins
import asyncio.exceptions
from app import svc

class Expired(TimeoutError):
    pass

MODS = {"a": asyncio}
MODS["a"].TimeoutError = Expired
