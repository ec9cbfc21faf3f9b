# Calls of this module's plain functions that block are reported with the
# chain of calls, never fixed; the functions that block only elsewhere
# (or may be something else) are not reported.
import asyncio
import sys
import time
from time import sleep as pause


def _pause():
    time.sleep(0)


def pause_twice():
    _pause()
    _pause()


def nap():
    pause(0)


class Poller:
    def wait(self):
        if self:  # behind an `if`: still a call that blocks
            time.sleep(0)

    @staticmethod
    def settle():
        time.sleep(0)

    async def run(self):
        self.wait()  # report: a method through `self`
        self.settle()  # report: a static method through `self`


class Base:
    def step(self):
        time.sleep(0)

    async def run(self):
        self.step()  # a subclass overrides `step`: not reported


class Fast(Base):
    def step(self):
        print("fast step")


def later():
    return lambda: time.sleep(0)  # runs when called, maybe in a thread


def spawn():
    def inner():
        time.sleep(0)

    return inner


def ticks():
    time.sleep(0)
    yield 1


if sys.argv[-1] == "slow":

    def either():
        time.sleep(0)

else:

    def either():
        print("fast either")


def replaced():
    time.sleep(0)


replaced = print


def decorate(function):
    return lambda: print("decorated")


@decorate
def wrapped():
    time.sleep(0)


async def main(callback):
    pause_twice()  # report: through two functions
    count = len([pause_twice() for _ in range(2)])  # report: in a comprehension
    nap()  # a blocking function imported under another name: not reported
    await Poller().run()
    await Fast().run()
    later()
    spawn()
    ticks()
    either()
    replaced("replaced")
    wrapped()
    callback()
    await asyncio.to_thread(_pause)
    await asyncio.get_running_loop().run_in_executor(None, pause_twice)
    print("done", count)


asyncio.run(main(lambda: print("callback")))
