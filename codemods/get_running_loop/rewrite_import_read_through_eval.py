# asyncmod-runtime: compare
import asyncio
from asyncio import get_event_loop


def hook(name):
    # `eval` in a function looks names up in the module's globals.
    return eval(name)


async def main():
    # rewrite: the import stays, `eval` may read it
    loop = get_event_loop()
    return loop is asyncio.get_running_loop(), hook("get_event_loop") is not None


print(asyncio.run(main()))
