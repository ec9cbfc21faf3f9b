# asyncmod-runtime: compare
# leave (unsafe): the closures `make_tracker()` returns share a list; `add()`
# keeps a task in it during the run, `get()` gives it back after
import asyncio


def make_tracker():
    items = []

    def add(task):
        items.append(task)

    def get():
        return items

    return add, get


add, get = make_tracker()


async def background():
    await asyncio.sleep(10)


async def main():
    add(asyncio.create_task(background()))
    await asyncio.sleep(0)
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())
    finally:
        loop.close()
    print(result, "cancelled:", get()[0].cancelled())
