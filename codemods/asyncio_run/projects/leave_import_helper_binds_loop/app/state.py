import asyncio


def _make():
    return asyncio.get_event_loop().create_future()


DONE = _make()
