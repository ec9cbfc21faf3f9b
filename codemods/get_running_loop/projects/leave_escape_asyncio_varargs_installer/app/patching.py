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
def install(*mods):
    for m in mods:
        for k, v in PATCHES.items():
            if hasattr(m, k) and not (m is asyncio and k == "sleep"):
                setattr(m, k, v)
install(asyncio, time)
