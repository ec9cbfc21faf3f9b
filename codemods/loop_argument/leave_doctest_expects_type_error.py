# A doctest expects the TypeError that `loop=` raises since 3.10.
import asyncio

async def make_lock(loop):
    """Locks no longer take a loop on this Python.

    >>> asyncio.run(make_lock(None))
    Traceback (most recent call last):
      ...
    TypeError: Lock.__init__() got an unexpected keyword argument 'loop'
    """
    return asyncio.Lock(loop=loop)

if __name__ == "__main__":
    import doctest
    print(doctest.testmod())
