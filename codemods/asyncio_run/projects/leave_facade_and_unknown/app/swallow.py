import asyncio

from app.remote import stubborn

if __name__ == "__main__":
    # leave (unsafe only): the coroutine swallows its cancellation, so
    # Ctrl-C under `asyncio.run` would end the run normally
    asyncio.get_event_loop().run_until_complete(stubborn())
