"""A sync entry point was turned into a coroutine, but its body was not."""
import asyncio

from app.jobs import sync_users, sync_orders


async def nightly(db):
    asyncio.run(sync_users(db))  # rewrite: raises RuntimeError as written
    count = asyncio.run(sync_orders(db))  # rewrite
    await asyncio.sleep(0)
    return count


if __name__ == "__main__":
    asyncio.run(nightly(None))  # leave: the real entry point
