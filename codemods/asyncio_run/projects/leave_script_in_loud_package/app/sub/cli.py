import asyncio

from app.server import main


def serve():
    # leave: running app.sub.cli runs app/sub/__init__.py first, which binds
    # to the loop
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
