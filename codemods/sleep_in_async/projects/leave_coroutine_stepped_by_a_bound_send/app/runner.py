def run(coro):
    step = coro.send
    try:
        while True:
            step(None)
    except StopIteration as e:
        return e.value
