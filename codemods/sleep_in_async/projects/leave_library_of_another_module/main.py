# The module that runs `jobs.poll` runs it on twisted's reactor, with no
# asyncio loop: `jobs` imports no async library itself, so which one runs
# its coroutines is not said there. Reported without a fix.
from twisted.internet import defer, task

import jobs


def main(reactor):
    return defer.ensureDeferred(jobs.poll()).addCallback(print)


task.react(main)
