import app.store as s
from app.store import save


async def handle(record):
    # rewrite: both imports load `app.store` itself, and ask no
    # `__getattr__` of the package for it.
    save(record)
    s.save(record)
