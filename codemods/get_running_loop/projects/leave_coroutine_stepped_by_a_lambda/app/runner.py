def run(coro):
    step = lambda v: coro.send(v)
    try:
        while True:
            step(None)
    except StopIteration as e:
        return e.value
