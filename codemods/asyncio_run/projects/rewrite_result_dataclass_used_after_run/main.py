# asyncmod-runtime: compare
# rewrite (safe): main gives back a dataclass and a class of the module
# made from numbers, whose attributes hold only plain data
import asyncio
from dataclasses import dataclass


@dataclass
class Stats:
    count: int = 0
    mean: float = 0.0


class Report:
    def __init__(self, stats):
        self.stats = stats
        self.title = "report"

    def render(self):
        return f"{self.title}: {self.stats}"


async def collect():
    await asyncio.sleep(0)
    return Stats(count=2, mean=1.5)


async def main():
    return Report(await collect())


if __name__ == "__main__":
    rep = asyncio.get_event_loop().run_until_complete(main())
    print(rep.render(), rep.stats.count + 1)
