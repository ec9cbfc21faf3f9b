# asyncmod-test: --unsafe-fixes
import asyncio
import sys
from asyncio import CancelledError


async def isinstance_test():
    try:
        await asyncio.sleep(1)
    except BaseException as e:  # leave: the handler decides about cancellation itself
        if isinstance(e, asyncio.CancelledError):
            print("cancelled, finishing cleanly")
            return "stopped"
        print("other error")


async def type_name():
    try:
        await asyncio.sleep(1)
    except BaseException as e:  # leave
        if type(e).__name__ == "CancelledError":
            return "stopped"


async def class_attribute():
    try:
        await asyncio.sleep(1)
    except BaseException as e:  # leave
        if e.__class__ is CancelledError:
            return "stopped"


async def matched():
    try:
        await asyncio.sleep(1)
    except BaseException as e:  # leave
        match e:
            case asyncio.CancelledError():
                return "stopped"
            case _:
                print("other")


async def exc_info():
    try:
        await asyncio.sleep(1)
    except:  # leave
        if sys.exc_info()[0] is asyncio.CancelledError:
            return "stopped"
