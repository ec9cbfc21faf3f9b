def run(coro):
    value = None
    while True:
        try:
            value = coro.send(value)
        except Exception as e:
            if isinstance(e, StopIteration):
                return e.value
            raise
