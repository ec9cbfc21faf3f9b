import collections.abc


class Step(collections.abc.Coroutine):
    def __init__(self, coro):
        self.coro = coro

    def send(self, value):
        return self.coro.send(value)

    def throw(self, *args):
        return self.coro.throw(*args)

    def close(self):
        return self.coro.close()

    def __await__(self):
        return self.coro.__await__()


class Runner(Step):
    def run(self):
        try:
            self.send(None)
        except StopIteration as stop:
            return stop.value
