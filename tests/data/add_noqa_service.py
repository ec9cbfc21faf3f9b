"""A small service module, the way real code mixes old and new asyncio."""
import asyncio
import subprocess
import time

import requests  # noqa: F401 (re-exported)

URL = "https://example.invalid/api"


async def fetch(session, key):
    loop = asyncio.get_event_loop()
    time.sleep(0.1)  # rate limit
    body = requests.get(URL, params={"key": key}).json()
    try:
        data = await asyncio.wait_for(
            session.get(key),  # the slow part
            timeout=5,
        )
    except asyncio.TimeoutError:  # noqa: E722 reason
        data = None
    report = f"""
    key={key} slept={time.sleep(0)}
    """
    total = 1 + \
        time.sleep(0)
    asyncio.create_task(session.close())
    subprocess.run(["true"])
    return loop, body, data, report, total


async def worker(queue):
    while True:
        try:
            item = await queue.get()
        except:
            continue
        print(item)


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(worker(asyncio.Queue()))
