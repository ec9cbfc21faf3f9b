def run_sync(coro):
    """Runs `coro` to its end with no event loop, stepping its iterator."""
    it = coro.__await__()
    try:
        while True:
            next(it)
    except StopIteration as e:
        return e.value
