# asyncmod-runtime: compare
import asyncio
from asyncio import get_event_loop

HOOK = "get_event_loop"


async def main():
    # rewrite: the import stays, `globals()[HOOK]` still reads it
    loop = get_event_loop()
    return loop is asyncio.get_running_loop(), globals()[HOOK] is not None


print(asyncio.run(main()))
