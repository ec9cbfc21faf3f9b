import asyncio


class TimeoutError(Exception):
    """The application's own timeout."""


async def poll(feed):
    try:
        return await asyncio.wait_for(feed.read(), 5)
    except asyncio.TimeoutError:  # leave, reported: `TimeoutError` is the class above
        raise TimeoutError(feed)


def check(TimeoutError, error):
    return isinstance(error, asyncio.TimeoutError)  # leave, reported: a parameter
