# asyncmod-test: --unsafe-fixes
import asyncio
import logging

from app.search import query

log = logging.getLogger(__name__)


async def search(engines, term):
    tasks = [asyncio.create_task(query(engine, term)) for engine in engines]  # rewrite
    # statements between the creation and the wait go into the block
    log.info(
        """started %d
searches""",  # the string keeps its bytes
        len(engines),
    )
    hits = await asyncio.gather(*tasks)
    return hits


async def guarded(engines, term):
    try:
        tasks = [asyncio.create_task(query(engine, term)) for engine in engines]  # rewrite
        hits = await asyncio.gather(*tasks)
    except Exception:  # catches the ExceptionGroup too
        log.error("search failed")  # does not read the exception
        hits = []
    finally:
        log.info("done")
    return hits
