async def job():
    pass


def sync_caller():
    job()  # leave: `await` is not allowed in a plain def


async def main(loop):
    def callback():
        job()  # leave: a def nested in the coroutine

    class Handler:
        job()  # leave: a class body

    loop.call_soon(lambda: job())  # leave: a lambda
    return callback, Handler
