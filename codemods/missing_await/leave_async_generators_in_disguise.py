"""`async def`s that are async generators: a `yield` in what a nested
definition runs in them (a default, a decorator) belongs to them."""
import asyncio


async def ticks():
    step = lambda value=(yield): value
    print("ticks", step)


async def tocks():
    def step(value=(yield)):
        return value
    print("tocks", step)


async def main():
    ticks()  # leave: an async generator, which `await` rejects
    tocks()  # leave
    print("done")


asyncio.run(main())
