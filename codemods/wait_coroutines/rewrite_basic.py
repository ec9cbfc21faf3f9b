"""Health checks that fan out with asyncio.wait."""
import asyncio


async def check_db():
    return "db"


async def check_cache():
    return "cache"


async def health(timeout):
    done, pending = await asyncio.wait(  # rewrite: an error since Python 3.11
        [check_db(), check_cache()], timeout=timeout
    )
    for task in pending:
        task.cancel()
    return {task.result() for task in done}
