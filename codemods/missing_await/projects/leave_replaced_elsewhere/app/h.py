from app import store
from app.kinds import Dynamic, make
from app.store import Base, repo


async def handle():
    store.save(1)  # leave: app/patch.py replaces it
    repo.put(2)  # leave: app/patch.py replaces it
    await go(Dynamic())
    await go(make())


async def go(b: Base):
    b.put(3)  # leave: a subclass made by `type()` or in a function overrides it
