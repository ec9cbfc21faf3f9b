from time import sleep


async def retry(call, attempts):
    for attempt in range(attempts):
        try:
            return await call()
        except ConnectionError:
            sleep(2 ** attempt)  # rewrite
    raise RuntimeError("gave up")
