# A module that writes its own namespace under a name the code computes (or
# under `TimeoutError` itself) may bind `TimeoutError` at module level: the
# bare name would then not be the builtin. Reported without a fix.
import asyncio
import sys


class LegacyTimeout(Exception):
    pass


def install(names):
    for name, value in names.items():
        globals()[name] = value


install({"TimeoutError": LegacyTimeout})


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.001)
    except asyncio.TimeoutError:  # leave
        print("caught timeout")
    try:
        raise asyncio.TimeoutError()
    except asyncio.TimeoutError as e:  # leave
        print("caught", type(e).__name__)


try:
    asyncio.run(main())
except BaseException as e:
    print("escaped", type(e).__name__)
