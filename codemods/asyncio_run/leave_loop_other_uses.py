import asyncio
import signal

from app import main, serve, warm_up


def forever():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(serve())  # leave, reported: the loop also runs forever
    loop.run_forever()


def with_signals():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(serve())  # leave, reported: a signal handler uses the loop
    loop.add_signal_handler(signal.SIGTERM, loop.stop)


def configured():
    loop = asyncio.new_event_loop()
    loop.set_debug(True)  # the loop is configured before it runs
    loop.set_exception_handler(print)
    loop.run_until_complete(main())  # leave, reported
    loop.close()


def twice():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(warm_up())  # leave, reported: a second run on the same loop
    loop.run_until_complete(main())
    loop.close()


def scheduled():
    loop = asyncio.new_event_loop()
    loop.call_soon(print, "first")
    loop.run_until_complete(main())  # leave, reported
    loop.close()


def passed_on(runner):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # leave, reported: the loop is passed on
    runner.attach(loop)


def returned():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # leave, reported: the loop is returned
    return loop
