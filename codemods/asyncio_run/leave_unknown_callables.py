import asyncio

from app import Service, pick, run_all


def tasks():
    return asyncio.gather(run_all())


class Job:
    def __await__(self):
        yield


def plain_def():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(tasks())  # leave, reported: a plain def may return a future
    loop.close()


def local_class():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(Job())  # leave, reported: an awaitable object, not a coroutine
    loop.close()


def builtin(agen):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(anext(agen))  # leave, reported: a builtin
    loop.close()


def variable():
    runner = pick()
    loop = asyncio.new_event_loop()
    loop.run_until_complete(runner())  # leave, reported: a variable
    loop.close()


def current_loop_with_constructor():
    loop = asyncio.get_event_loop()
    # leave, reported: `Service()` ran with the loop current and may bind to it
    loop.run_until_complete(Service().start())
