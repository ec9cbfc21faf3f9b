# asyncmod-runtime: compare
"""A from-import of wait_for becomes `import asyncio`."""
from asyncio import run, sleep, wait_for


async def produce(n):
    await sleep(0)
    return [i * i for i in range(n)]


async def main():
    squares: list = await wait_for(produce(4), 1)  # rewrite: annotated assignment
    print(squares)
    squares += await wait_for(produce(2), timeout=1)  # rewrite: augmented assignment
    print(squares)


run(main())
