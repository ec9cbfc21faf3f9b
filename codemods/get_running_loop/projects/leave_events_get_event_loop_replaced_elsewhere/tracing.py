import asyncio
import asyncio.events

_original = asyncio.events.get_event_loop


def traced():
    print("traced get_event_loop")
    return _original()


asyncio.events.get_event_loop = traced
