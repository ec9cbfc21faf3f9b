from app.util import flush, run_sync


def batches():
    try:
        while True:
            yield []
    finally:
        run_sync(flush())


PENDING = []


async def start():
    gen = batches()
    next(gen)
    PENDING.append(gen)
    print("started")
