from app.models import Cache, Repo, Store


async def handle(repo: Repo, record):
    # leave: `repo` may be a `Memory`, whose `put` returns None
    repo.put(record)


async def log(store: Store, record):
    # leave: `store` may be a `Logged`, whose `put` returns None
    store.put(record)


async def cache(cache: Cache, record):
    # leave: `cache` may be a `Local`, whose `put` returns None
    cache.put(record)
