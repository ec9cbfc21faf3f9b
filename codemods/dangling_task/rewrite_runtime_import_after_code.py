# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""asyncio is imported after other module code: the set's annotation cannot name it yet."""
import sys

sys.dont_write_bytecode = True
import asyncio  # noqa: E402

done = []


async def work():
    done.append(1)


async def main():
    asyncio.create_task(work())  # rewrite
    await asyncio.sleep(0.01)
    print(done)


asyncio.run(main())
