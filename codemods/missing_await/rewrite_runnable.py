# asyncmod-runtime: compare
"""Every added `await` runs: nothing the coroutines do is printed, so the
output stays the same, and an `await` on something that is no coroutine
would fail the program."""
import asyncio
from asyncio import sleep as nap

done = []


async def save(record):
    done.append(record)


def start(record):
    return save(record)


class Conn:
    async def flush(self):
        done.append("flush")

    async def close(self):
        self.flush()  # rewrite


async def main():
    save(1)  # rewrite
    start(2)  # rewrite: a plain `def` that returns a coroutine
    asyncio.sleep(0)  # rewrite
    nap(0)  # rewrite
    await Conn().close()
    print("done")


asyncio.run(main())
