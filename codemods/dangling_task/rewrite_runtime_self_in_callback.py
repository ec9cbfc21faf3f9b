# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""A done callback, nested in a method, starts a follow-up request through `self`."""
import asyncio


class Dispatcher:
    def __init__(self):
        self.sent = []

    @classmethod
    async def silent_call_request(cls, sink, result):
        await asyncio.sleep(0)
        sink.append(result)

    async def feed_webhook_update(self, update):
        await asyncio.sleep(0)
        return f"answer to {update}"

    async def feed_with_timeout(self, update):
        process = asyncio.ensure_future(self.feed_webhook_update(update))

        def process_response(task):
            result = task.result()
            if isinstance(result, str):
                asyncio.ensure_future(self.silent_call_request(self.sent, result))

        process.add_done_callback(process_response)
        await process
        for _ in range(5):
            await asyncio.sleep(0)
        return self.sent


print(asyncio.run(Dispatcher().feed_with_timeout("update 1")))
