import asyncio
from app import jobs

MODULES = {"jobs": jobs}

def install():
    mod = MODULES["jobs"]
    orig = mod.fetch
    def cached():
        return asyncio.ensure_future(orig())
    mod.fetch = cached
