# asyncmod-test: --unsafe-fixes
# Found by adversarial programs: each fan-out is reached through code that
# catches ValueError where no call in the module names it: a decorator's
# wrapper that retries, `__call__` and `__aenter__` (the language calls them),
# and `getattr` with a computed name. A TaskGroup would raise an
# ExceptionGroup there, which `except ValueError` no longer catches. Runs as
# it is (python3 FILE).
import asyncio
import functools


def retry(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        for _ in range(3):
            try:
                return await fn(*args)
            except ValueError as e:
                print("retrying after", e)
        return None

    return wrapper


calls = {"n": 0}


async def fetch(u):
    await asyncio.sleep(0)
    calls["n"] += 1
    if u == "bad" or calls["n"] == 1:
        raise ValueError(f"bad url {u}")
    return u.upper()


@retry
async def fetch_all(urls):
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    return await asyncio.gather(*tasks)


class Fetcher:
    async def __call__(self, urls):
        tasks = [asyncio.create_task(fetch(u)) for u in urls]
        return await asyncio.gather(*tasks)


class Warmup:
    def __init__(self, urls):
        self.urls = urls

    async def __aenter__(self):
        tasks = [asyncio.create_task(fetch(u)) for u in self.urls]
        self.pages = await asyncio.gather(*tasks)
        return self

    async def __aexit__(self, *exc):
        return False


class Client:
    async def fetch_many(self, urls):
        tasks = [asyncio.create_task(fetch(u)) for u in urls]
        return await asyncio.gather(*tasks)


async def main():
    print(await fetch_all(["a", "b"]))
    try:
        print(await Fetcher()(["a", "bad"]))
    except ValueError as e:
        print("caught", e)
    try:
        async with Warmup(["bad"]) as w:
            print(w.pages)
    except ValueError as e:
        print("caught warmup", e)
    for name in ["fetch_many"]:
        try:
            print(await getattr(Client(), name)(["a", "bad"]))
        except ValueError as e:
            print("caught", e)


asyncio.run(main())
