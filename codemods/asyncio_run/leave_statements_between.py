import asyncio
import logging

from app import main, parse_args


def logged():
    loop = asyncio.new_event_loop()
    logging.info("starting")  # runs between the loop's creation and its use
    loop.run_until_complete(main())  # leave, reported
    loop.close()


def handler_closes():
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())  # leave, reported: teardown in a handler
    except RuntimeError:
        loop.close()
        raise


def keywords():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(future=main())  # leave, reported: keyword argument
    loop.close()


def suppressed():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main(parse_args()))  # noqa: AM002 (leave)
    loop.close()


def larger_expression():
    loop = asyncio.new_event_loop()
    print(parse_args(), loop.run_until_complete(main()))  # leave, reported: `parse_args()` would run after the close
    loop.close()


def in_a_branch(verbose):
    loop = asyncio.new_event_loop()
    if verbose:
        loop.run_until_complete(main())  # leave, reported: inside an `if`
    loop.close()


def run_in_helper():
    loop = asyncio.new_event_loop()

    def go():
        return loop.run_until_complete(main())  # leave, reported: run by another function

    return go()
