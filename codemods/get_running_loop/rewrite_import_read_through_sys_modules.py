# asyncmod-runtime: compare
import asyncio
import sys
from asyncio import get_event_loop


def hook(name):
    # The module's own object, found through the function's module name.
    return getattr(sys.modules[hook.__module__], name)


async def main():
    # rewrite: the import stays, `sys.modules[...]` may be this module
    loop = get_event_loop()
    return loop is asyncio.get_running_loop(), hook("get_event_loop") is not None


print(asyncio.run(main()))
