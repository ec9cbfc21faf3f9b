# asyncmod-runtime: compare
# rewrite (safe): `app/stats.py` pumps a generator with `gen.send(value)`,
# which drives no coroutine; the coroutine runs under asyncio.run
import asyncio
import time

from app.stats import mean


async def work():
    time.sleep(0.01)
    return mean([1, 2, 3])


if __name__ == "__main__":
    print(asyncio.run(work()))
