import time


async def backoff(delay):
    time.sleep(delay)


async def pause(seconds):
    time.sleep(seconds)


async def retry(attempts):
    for attempt in range(attempts):
        try:
            await pause(attempt - 1)
            return attempt
        except ValueError:
            continue
