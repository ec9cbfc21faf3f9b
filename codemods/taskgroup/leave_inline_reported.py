# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch
from app.redis import AbstractRedis


async def inline_wait_sets(urls):
    # leave, reported: `asyncio.wait` gives sets a TaskGroup does not
    done, pending = await asyncio.wait([asyncio.create_task(fetch(url)) for url in urls])
    return done


async def inline_in_a_specific_try(urls):
    try:
        return await asyncio.gather(*[asyncio.create_task(fetch(url)) for url in urls])
    except ValueError:  # leave, reported: would no longer match the ExceptionGroup
        return []


async def inline_read_by_exception(urls):
    await asyncio.wait([asyncio.create_task(fetch(url)) for url in urls])  # leave, reported
    return [task.exception() for task in asyncio.all_tasks()]


async def inline_with_a_comment(urls):
    pages = await asyncio.gather(  # leave, reported: the comment has no place in the block
        *[asyncio.create_task(fetch(url)) for url in urls]
    )
    return pages


class ClusterPipeline(AbstractRedis):
    RETRY = (ConnectionError, TimeoutError)

    async def _execute(self, nodes):
        # leave, reported: `execute` retries by the error's type, and would get
        # the ExceptionGroup instead
        return await asyncio.gather(
            *(asyncio.create_task(node.execute_pipeline()) for node in nodes)
        )

    async def execute(self, nodes):
        for _ in range(3):
            try:
                return await self._execute(nodes)
            except BaseException as e:
                if type(e) not in self.RETRY:
                    raise
        return None
