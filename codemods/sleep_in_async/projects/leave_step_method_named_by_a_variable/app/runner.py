METHOD = "send"
def run(coro):
    step = getattr(coro, METHOD)
    try:
        while True:
            step(None)
    except StopIteration as e:
        return e.value
