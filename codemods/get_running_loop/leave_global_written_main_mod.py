# The module binds a global behind its statements' backs (main_mod): the
# name the fix relies on may be something else when the code runs.
import asyncio
from asyncio import get_event_loop
import __main__


class Fake:
    name = "fake"


def fake_loop():
    return Fake()


def configure():
    __main__.get_event_loop = fake_loop


async def main():
    configure()
    loop = get_event_loop()
    print(type(loop).__name__)


asyncio.run(main())
