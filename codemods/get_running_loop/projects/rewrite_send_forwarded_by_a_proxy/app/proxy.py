class Wrapped:
    """Forwards the coroutine protocol to the coroutine it wraps, the way a
    request context manager does: it steps nothing itself."""

    def __init__(self, coro):
        self._coro = coro

    def send(self, value):
        return self._coro.send(value)

    def __await__(self):
        return self._coro.__await__()


def first(items):
    it = iter(items)
    try:
        return next(it)
    except StopIteration:
        return None
