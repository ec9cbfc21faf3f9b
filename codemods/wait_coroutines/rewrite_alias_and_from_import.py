# asyncmod-test: --unsafe-fixes
from asyncio import FIRST_COMPLETED, wait

from app.replicas import fetch_primary, fetch_replica


async def race():
    # rewrite: `import asyncio` is added for `create_task`
    done, _ = await wait([fetch_primary(), fetch_replica()], return_when=FIRST_COMPLETED)
    return done
