from asyncio import FIRST_COMPLETED, wait


async def fetch_primary():
    return "primary"


async def fetch_replica():
    return "replica"


async def race():
    # rewrite: `import asyncio` is added for `create_task`
    done, _ = await wait([fetch_primary(), fetch_replica()], return_when=FIRST_COMPLETED)
    return done
