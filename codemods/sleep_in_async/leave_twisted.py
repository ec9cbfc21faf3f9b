# Twisted runs coroutines on its reactor with no asyncio loop
# (`defer.ensureDeferred(coro())`, `task.react`): `asyncio.sleep` raises
# there, and this codemod does not write twisted's sleep. Reported.
import time

from twisted.internet import defer, task


async def poll():
    print("polling")
    time.sleep(0.01)  # leave, reported: the module uses twisted
    return "polled"


def main(reactor):
    d = defer.ensureDeferred(poll())
    d.addCallback(print)
    return d


task.react(main)
