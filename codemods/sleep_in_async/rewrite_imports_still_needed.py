# asyncmod-runtime: compare
# An import the fix stops using stays when a string annotation, a `# noqa`
# comment or `__all__` still needs it.
import asyncio
import time
import time as clock  # noqa: F401
from time import sleep as nap
import typing


async def tick():
    time.sleep(0.001)  # rewrite; `import time` stays for the annotation below


async def tock():
    clock.sleep(0.001)  # rewrite; `import time as clock` stays for its noqa


async def pause():
    nap(0.001)  # rewrite; `from time import sleep as nap` goes


def stamp() -> "time.struct_time":
    return time_now()


def time_now():
    return typing.cast("time.struct_time", None)


async def main():
    await tick()
    await tock()
    await pause()
    # get_type_hints evaluates the string: without `import time` a NameError.
    print(typing.get_type_hints(stamp))


asyncio.run(main())
