from app.work import work
def run(coro):
    step = coro.send
    try:
        while True:
            step(None)
    except StopIteration as e:
        return e.value
try:
    print("result", run(work()))
except Exception as e:
    print("ERR", type(e).__name__, e)
