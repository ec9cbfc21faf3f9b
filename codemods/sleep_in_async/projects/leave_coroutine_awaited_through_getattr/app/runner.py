def run(coro):
    it = getattr(coro, "__await__")()
    for _ in it:
        pass
    return "done"
