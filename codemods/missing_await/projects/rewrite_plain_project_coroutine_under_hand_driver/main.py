from svc import work

def run_sync(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

try:
    print("result", run_sync(work([1, 2])))
except RuntimeError as e:
    print("RuntimeError", e)
