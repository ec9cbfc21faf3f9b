from time import sleep


async def retry(call, attempts):
    for attempt in range(attempts):
        try:
            return await call()
        except ConnectionError:
            pass
        sleep(2 ** attempt)  # rewrite (in the `except` body it would be unsafe)
    raise RuntimeError("gave up")
