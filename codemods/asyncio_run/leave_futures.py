"""asyncio.run raises ValueError on anything but a coroutine."""
import asyncio
import concurrent.futures

from app import fetch, main


def gathered():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.gather(fetch(1), fetch(2)))  # leave, reported: a future
    loop.close()


def ensured():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.ensure_future(main()))  # leave, reported: a task
    loop.close()


def shielded():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.shield(main()))  # leave, reported: a future
    loop.close()


def wrapped(pool: concurrent.futures.ThreadPoolExecutor):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.wrap_future(pool.submit(print)))  # leave, reported
    loop.close()


def in_executor(executor):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(executor.run_in_executor(None, print))  # leave, reported
    loop.close()


def given(coro):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(coro)  # leave, reported: a variable may hold a future
    loop.close()


def created_on_the_loop():
    loop = asyncio.new_event_loop()
    task = loop.create_task(main())  # leave, reported: the loop makes a task
    loop.run_until_complete(task)
    loop.close()
