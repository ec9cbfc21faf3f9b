import asyncio as aio  # noqa
_orig = aio.get_event_loop

def traced():
    print("traced get_event_loop")
    return _orig()

aio.get_event_loop = traced
