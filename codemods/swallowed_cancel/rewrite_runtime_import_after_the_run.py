# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# The module's `import asyncio` comes after the line that runs the
# coroutines: the new `except asyncio.CancelledError:` needs an import of
# its own, or evaluating it raises NameError when `parse` fails.
from asyncio import gather, run, sleep


async def parse(text):
    await sleep(0)
    return int(text)


async def safe_parse(text):
    try:
        return await parse(text)
    except:  # rewrite
        return None


async def main():
    print(await gather(*(safe_parse(t) for t in ["1", "x", "3"])))


run(main())

import asyncio  # noqa: E402

print(asyncio.iscoroutinefunction(main))
