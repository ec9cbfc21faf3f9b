# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# The same function called twice with no arguments or the same arguments
# reads one source: which call gets which item depends on the order.
import asyncio

queue = asyncio.Queue()
calls = []


async def next_message():
    calls.append(1)
    # The first call to start finishes last.
    await asyncio.sleep(0.002 if len(calls) % 2 else 0)
    return queue.get_nowait()


class Stream:
    def __init__(self, *lines):
        self.lines = list(lines)

    async def read(self, size):
        calls.append(1)
        await asyncio.sleep(0.002 if len(calls) % 2 else 0)
        return self.lines.pop(0)[:size]


async def read_from(stream, size):
    return await stream.read(size)


async def no_arguments():
    first = await next_message()  # leave: both read one module-level queue
    second = await next_message()
    return first, second


async def same_arguments(stream):
    head = await read_from(stream, 10)  # leave: the same call twice
    body = await read_from(stream, 10)
    return head, body


async def through_an_alias():
    receive = next_message
    first = await receive()  # leave: `receive` is `next_message`
    second = await next_message()
    return first, second


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    for i in range(6):
        queue.put_nowait(i)
    calls.clear()
    print(await no_arguments())
    calls.clear()
    print(await same_arguments(Stream("header", "body")))
    calls.clear()
    print(await through_an_alias())
    print(footer)


asyncio.run(main())
