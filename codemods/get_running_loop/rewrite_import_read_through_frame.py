# asyncmod-runtime: compare
import asyncio
import sys
from asyncio import get_event_loop


def hook(name):
    return sys._getframe().f_globals[name]


def hook_of_function(name):
    return hook.__globals__[name]


async def main():
    # rewrite: the import stays, a frame's and a function's globals read it
    loop = get_event_loop()
    print(hook("get_event_loop") is hook_of_function("get_event_loop"))
    return loop is asyncio.get_running_loop()


print(asyncio.run(main()))
