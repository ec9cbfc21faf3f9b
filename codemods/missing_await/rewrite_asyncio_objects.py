# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""asyncio's own coroutine methods, on objects the function shows to be
asyncio's: a parameter annotated with the class, a variable made by the
class or unpacked from `open_connection`. What the added `await`s do is
not printed, so the output stays the same, and an `await` on something
that is no coroutine would fail the program."""
import asyncio
from asyncio import Queue


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    data = await reader.readline()
    writer.write(data)
    writer.drain()  # rewrite: unsafe, a parameter annotated `asyncio.StreamWriter`
    writer.close()


async def client(port, q: Queue[bytes], ready: asyncio.Event):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ping\n")
    writer.drain()  # rewrite: unpacked from `open_connection`
    line = await reader.readline()
    q.put(line)  # rewrite: unsafe, annotated `Queue` from asyncio
    ready.set()
    ready.wait()  # rewrite: unsafe, annotated
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    ready = asyncio.Event()
    await client(port, asyncio.Queue(), ready)
    empty = asyncio.Queue()
    empty.join()  # rewrite: made by `asyncio.Queue()`
    sem: asyncio.Semaphore = asyncio.Semaphore(2)
    sem.acquire()  # rewrite: annotated and made so
    sem.release()
    server.close()
    server.wait_closed()  # rewrite: from `start_server`
    print("done")


asyncio.run(main())
