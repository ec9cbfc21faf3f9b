# asyncmod-runtime: compare
import asyncio
from asyncio import get_event_loop


def __getattr__(name):
    # The module answers for the names it lacks: which ones it has matters.
    raise AttributeError(name)


async def main():
    # rewrite: the import stays, the module answers for missing names
    loop = get_event_loop()
    return loop is asyncio.get_running_loop()


print(asyncio.run(main()))
