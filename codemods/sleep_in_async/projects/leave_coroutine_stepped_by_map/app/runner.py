import itertools
def run(coro):
    try:
        for _ in map(coro.send, itertools.repeat(None)):
            pass
    except StopIteration as e:
        return e.value
