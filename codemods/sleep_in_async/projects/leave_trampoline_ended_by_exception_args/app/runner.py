def run(coro, arg=None):
    try:
        while True:
            arg = coro.send(arg)
    except Exception as e:
        return e.args[0] if e.args else None
