# asyncmod-runtime: compare
import asyncio


async def job(n):
    await asyncio.sleep(0)
    return [n]


async def main(jobs):
    # Continued at the statement's indentation: out of `wait_for`'s
    # brackets, `[0]` or `(2)` would become a statement of its own.
    first = await asyncio.wait_for(jobs
    [0], None)  # rewrite: `await (...)`
    async_made = await asyncio.wait_for(job
    (2), 5)  # rewrite: `await (...)` under `async with`
    spread = await asyncio.wait_for(
        job
        (3),
        timeout=5,
    )  # rewrite: `await (...)` under `async with`
    return first, async_made, spread


print(asyncio.run(main([job(1)])))
