import asyncio

from app.server import main


def serve():
    # rewrite: an entry point of [project.scripts], which runs once per process
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(main("script"))
    finally:
        loop.close()
