import asyncio
import logging

log = logging.getLogger(__name__)


async def fetch(url):
    await asyncio.sleep(0)
    return url.upper()


async def skip_failures(urls):
    # leave: filtered
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    return [p for p in pages if not isinstance(p, Exception)]


async def raise_first(urls):
    # leave: checked in the loop
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    for url, page in zip(urls, pages):
        if isinstance(page, BaseException):
            log.error("fetching %s failed", url, exc_info=page)
            raise page
    return pages


async def any_failed(urls):
    # leave: `any(isinstance(...))`
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    if any(isinstance(p, (OSError, asyncio.TimeoutError)) for p in pages):
        raise RuntimeError("a fetch failed")
    return pages


async def fire_and_forget(urls):
    # leave: dropped on purpose
    await asyncio.gather(*map(fetch, urls), return_exceptions=True)


async def counted(urls):
    # leave: only counted and printed
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    print(len(pages), pages)


async def handed_off(urls, report):
    # leave: another function may check them
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    report(pages)


async def stored(self, urls):
    # leave: kept for later code
    self.pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)


async def raising(urls):
    # leave: gather raises the first error
    pages = await asyncio.gather(*map(fetch, urls))
    return [p.strip() for p in pages]


def nested_gather_object(urls):
    # leave: not awaited where it is written
    return asyncio.gather(*map(fetch, urls), return_exceptions=True)


async def typed(urls):
    # leave: only the values of the expected type are kept
    pages = await asyncio.gather(*map(fetch, urls), return_exceptions=True)
    return [p for p in pages if isinstance(p, (str, bytes))]


async def each_logged(self, updaters):
    # leave: each result goes to a method that may check it
    results = await asyncio.gather(*(u() for u in updaters), return_exceptions=True)
    for result in results:
        self.log_result(result)


async def none_on_success(updaters):
    # leave: the calls give None on success; anything else is reported
    results = await asyncio.gather(*(u() for u in updaters), return_exceptions=True)
    for result in results:
        if result is not None:
            log.warning("update failed: %s", result)
