class Task:
    def __init__(self, coro):
        self._coro = coro
    def step(self, value=None):
        return self._coro.send(value)
def run(coro):
    t = Task(coro)
    try:
        while True:
            t.step()
    except StopIteration as e:
        return e.value
