# asyncmod-runtime: compare
# leave: a lambda made in a coroutine (of a method, too) asks for the
# current loop after the run; the loop is closed, so exit hooks do not
# decide it: after `asyncio.run` there is no current loop
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
CALLBACKS = []


class Reporter:
    async def start(self):
        CALLBACKS.append(lambda: print("loop closed:", asyncio.get_event_loop().is_closed()))


async def main():
    await Reporter().start()
    CALLBACKS.append(lambda: print("tasks left:", len(asyncio.all_tasks(asyncio.get_event_loop()))))
    print("main ran")


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    for callback in CALLBACKS:
        try:
            callback()
        except RuntimeError as error:
            print("error:", error)
