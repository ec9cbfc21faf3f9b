import types

HANDLERS = []

@types.coroutine
def hop(c):
    return (yield from c)

def step_all():
    for h in HANDLERS:
        g = hop(h())
        try:
            next(g)
        except StopIteration as stop:
            print("result", stop.value)
