def run(coro):
    try:
        while True:
            type(coro).send(coro, None)
    except StopIteration as e:
        return e.value
