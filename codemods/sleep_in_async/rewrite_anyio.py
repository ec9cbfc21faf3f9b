import time

import anyio


async def worker(delay: float) -> None:
    time.sleep(delay)  # rewrite: anyio runs on either backend, so anyio.sleep


anyio.run(worker, 0.1)
