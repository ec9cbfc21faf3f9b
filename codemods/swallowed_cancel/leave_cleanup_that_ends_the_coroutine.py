# asyncmod-test: --unsafe-fixes
# A server's per-connection task: the `try` ends the coroutine, and its
# handler logs the error, answers 500 and closes the transport, also when
# the server cancels the task at shutdown. Nothing after the `try` would
# keep running on a swallowed cancellation; re-raising it first would skip
# the answer and leave the transport open. Runs as it is (python3 FILE).
import asyncio


class Transport:
    def __init__(self):
        self.closed = False
        self.sent = []

    def write(self, data):
        self.sent.append(data)

    def close(self):
        self.closed = True


class Cycle:
    def __init__(self, transport):
        self.transport = transport
        self.response_started = False

    async def send_500_response(self):
        await asyncio.sleep(0)
        self.transport.write(b"HTTP/1.1 500 Internal Server Error")
        self.transport.close()

    async def run_asgi(self, app):
        try:
            result = await app()
        except BaseException as exc:  # leave, reported: the handler ends the task
            print("Exception in ASGI application:", type(exc).__name__)
            if not self.response_started:
                await self.send_500_response()
            else:
                self.transport.close()
        else:
            if result is not None:
                print("ASGI callable should return None")
                self.transport.close()


async def slow_app():
    await asyncio.sleep(10)


async def main():
    transport = Transport()
    cycle = Cycle(transport)
    task = asyncio.create_task(cycle.run_asgi(slow_app))
    await asyncio.sleep(0.01)
    # Graceful shutdown timed out: the server cancels the request's task.
    task.cancel()
    await asyncio.wait([task])
    print("sent:", transport.sent, "closed:", transport.closed)


asyncio.run(main())
