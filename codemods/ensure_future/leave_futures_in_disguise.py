"""Calls that give back a future where the module shows a coroutine
function: `create_task` would raise `TypeError` on each."""
import asyncio
import sys
from typing import cast


class Ticking:
    def tick(self):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("Ticking.tick")
        return fut


class Ticker:
    async def tick(self):
        return "Ticker.tick"

    async def start(self):
        # leave without --unsafe-fixes: `Both(Ticking, Ticker)` finds
        # `Ticking.tick`, which returns a future
        print(await asyncio.ensure_future(self.tick()))


class Both(Ticking, Ticker):
    pass


async def helper():
    return "async helper"


if sys.version_info >= (3, 0):
    def helper():
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("future helper")
        return fut


async def rebound():
    return "async rebound"


def _future_rebound():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("future rebound")
    return fut


globals()["rebound"] = _future_rebound


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("cast")
    print(await asyncio.ensure_future(cast(asyncio.Future, fut)))  # leave: a future, says `cast`
    print(await asyncio.ensure_future(helper()))  # leave without --unsafe-fixes: rebound on Python 3
    print(await asyncio.ensure_future(rebound()))  # leave without --unsafe-fixes: rebound through `globals()`
    await Both().start()


asyncio.run(main())
