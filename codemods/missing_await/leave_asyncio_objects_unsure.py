"""Method calls on objects that may not be asyncio's: nothing here is
surely a coroutine, so nothing gets an `await`."""
import asyncio
import queue
import multiprocessing


class FakeWriter:
    def write(self, data):
        print("write", data)

    def drain(self):
        print("drained")


async def plain_queues(tq: queue.Queue, mq: "multiprocessing.Queue"):
    tq.put(1)  # leave: a thread queue's `put` is a plain method
    q: asyncio.Queue = queue.Queue()  # the annotation is shown wrong
    q.put(2)  # leave
    print(tq.get(), q.get())


async def writers(port, fake):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()
    await writer.wait_closed()
    if fake:
        writer = fake  # rebound: maybe no StreamWriter
    writer.write(b"x")
    writer.drain()  # leave


async def annotated(w: asyncio.StreamWriter):
    w.drain()  # leave: the module has a class with its own `drain`


async def handle(reader, writer):
    writer.close()


async def main():
    await plain_queues(queue.Queue(), None)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await writers(port, FakeWriter())
    await annotated(FakeWriter())
    server.close()
    await server.wait_closed()


asyncio.run(main())
