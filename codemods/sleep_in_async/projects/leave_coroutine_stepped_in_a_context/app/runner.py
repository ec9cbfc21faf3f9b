import contextvars
def run(coro):
    ctx = contextvars.copy_context()
    try:
        while True:
            ctx.run(coro.send, None)
    except StopIteration as e:
        return e.value
