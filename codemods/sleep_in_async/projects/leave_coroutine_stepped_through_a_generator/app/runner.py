def _wrap(coro):
    return (yield from coro.__await__())
def run(coro):
    g = _wrap(coro)
    try:
        while True:
            next(g)
    except StopIteration as e:
        return e.value
