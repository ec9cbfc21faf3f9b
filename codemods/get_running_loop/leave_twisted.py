# Twisted runs coroutines on its reactor with no asyncio loop
# (`defer.ensureDeferred(coro())`): `get_running_loop()` would raise there,
# where `get_event_loop()` returns a loop. Reported without a fix.
import asyncio

from twisted.internet import defer, task


async def fetch():
    loop = asyncio.get_event_loop()  # leave, reported: the module uses twisted
    print("fetch sees an asyncio loop object:", loop is not None)
    return 42


def main(reactor):
    d = defer.ensureDeferred(fetch())
    d.addCallback(lambda v: print("result", v))
    return d


task.react(main)
