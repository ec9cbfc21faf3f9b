def run(coro):
    value = None
    try:
        while True:
            value = coro.send(value)
    except BaseException as e:
        return getattr(e, "value", None)
