import operator
step = operator.methodcaller("send", None)
def run(coro):
    try:
        while True:
            step(coro)
    except StopIteration as e:
        return e.value
