"""A poller that blocks the loop between polls."""
import time

from app.db import fetch_batch


async def poll(source, rounds):
    results = []
    for _ in range(rounds):
        results.extend(await fetch_batch(source))
        time.sleep(0.5)  # rewrite: back off between polls
    return results
