# asyncmod-runtime: compare
# State that another task cannot change between a read and a write of this
# coroutine: locals, objects the coroutine made itself, an augmented
# assignment (read and written in one step), state written before the sleep
# and not used after it. Safe.
import asyncio
import time


class Ticker:
    def __init__(self):
        self.ticks = 0
        self.state = "idle"

    async def run(self, rounds):
        for _ in range(rounds):
            self.ticks += 1
            time.sleep(0.001)  # rewrite

    async def report(self):
        self.state = "busy"
        time.sleep(0.001)  # rewrite
        return "reported"


async def collect():
    found = []
    found.append(1)
    time.sleep(0.001)  # rewrite
    found.append(2)
    return found


async def main():
    ticker = Ticker()
    await asyncio.gather(ticker.run(3), ticker.run(3))
    print(ticker.ticks, await ticker.report(), await collect())


asyncio.run(main())
