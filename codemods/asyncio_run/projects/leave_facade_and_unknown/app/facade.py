import asyncio

from app.remote import fetch


def fetch_sync(key):
    # leave (unsafe only): a synchronous facade, called any number of times
    inner = asyncio.new_event_loop()
    try:
        return inner.run_until_complete(fetch(key))
    finally:
        inner.close()
