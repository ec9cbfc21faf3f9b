# `work`'s coroutines run here on asyncio's loop, where their
# `asyncio.run(...)` calls fail until the fix awaits the coroutines instead.
import asyncio

import registry
import work  # noqa: F401 (fills the registry)


async def main():
    job, first, again, client_class, helper, tail = registry.ENTRIES
    print(await first([job(1)]))
    print(await again(job, 2))
    print(await helper(client_class()))
    print(await tail(job, 4))


asyncio.run(main())
