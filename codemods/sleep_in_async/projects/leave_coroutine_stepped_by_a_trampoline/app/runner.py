def run(coro):
    value = None
    try:
        while True:
            value = coro.send(value)
    except StopIteration as e:
        return e.value
