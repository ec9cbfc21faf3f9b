import functools


async def fetch():
    return 1


# Rebound after the `def`: what callers reach is whatever `wrap` returns.
fetch = functools.lru_cache(fetch)


async def replaced():
    return 1


def _plain():
    return None


replaced = _plain
