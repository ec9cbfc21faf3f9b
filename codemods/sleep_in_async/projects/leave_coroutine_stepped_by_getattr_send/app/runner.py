def run(coro):
    step = getattr(coro, "send")
    try:
        while True:
            step(None)
    except StopIteration as e:
        return e.value
