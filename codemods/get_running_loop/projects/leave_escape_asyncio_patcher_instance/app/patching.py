import asyncio, time, types, contextlib
CALLS = []
_gel = asyncio.get_event_loop
_ef = asyncio.ensure_future
_ts = time.sleep

def get_event_loop():
    CALLS.append("get_event_loop")
    return _gel()

def ensure_future(c):
    CALLS.append("ensure_future")
    return _ef(c)

def fake_sleep(s):
    CALLS.append("time.sleep")

PATCHES = {"get_event_loop": get_event_loop, "ensure_future": ensure_future, "sleep": fake_sleep}
class Patcher:
    def __init__(self, mod):
        self.mod = mod
    def set(self, name, value):
        setattr(self.mod, name, value)
Patcher(asyncio).set("get_event_loop", get_event_loop)
Patcher(asyncio).set("ensure_future", ensure_future)
Patcher(time).set("sleep", fake_sleep)
