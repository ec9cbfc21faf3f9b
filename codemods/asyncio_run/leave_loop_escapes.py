import asyncio

from app import main


def stop():
    loop.stop()  # another function reads the module's loop


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # leave, reported: read by `stop`
    loop.close()


def setup():
    global shared
    shared = asyncio.new_event_loop()
    shared.run_until_complete(main())  # leave, reported: declared global


def outer():
    def callback():
        return inner_loop.time()  # a nested function reads the loop

    inner_loop = asyncio.new_event_loop()
    inner_loop.run_until_complete(main())  # leave, reported
    return callback


def dropped():
    old = asyncio.new_event_loop()
    old.run_until_complete(main())  # leave, reported: deleted afterwards
    del old
