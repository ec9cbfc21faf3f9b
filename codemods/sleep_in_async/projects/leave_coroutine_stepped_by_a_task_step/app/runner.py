class Task:
    def __init__(self, coro):
        self.coro = coro
    def step(self, value):
        return self.coro.send(value)
def run(coro):
    t = Task(coro)
    v = None
    try:
        while True:
            v = t.step(v)
    except StopIteration as e:
        return e.value
