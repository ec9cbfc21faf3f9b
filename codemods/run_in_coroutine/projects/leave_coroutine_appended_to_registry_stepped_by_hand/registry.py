HANDLERS = []

def handler(f):
    HANDLERS.append(f)
    return f

def step_all():
    for h in HANDLERS:
        coro = h()
        try:
            while True:
                coro.send(None)
        except StopIteration as stop:
            print("result", stop.value)
