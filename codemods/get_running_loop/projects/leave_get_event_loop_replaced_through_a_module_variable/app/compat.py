import asyncio, sys
_orig = asyncio.get_event_loop
def traced():
    print("traced get_event_loop")
    return _orig()
m = asyncio
m.get_event_loop = traced
