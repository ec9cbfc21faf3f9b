import asyncio

from app.server import main


def serve():
    # leave: `app/__main__.py` also calls it, in a loop
    asyncio.get_event_loop().run_until_complete(main("script"))
