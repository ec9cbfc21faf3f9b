import asyncio
from functools import partial


def fake(delay):
    print("sync sleep", delay)


put = partial(setattr, asyncio)
put("sleep", fake)
