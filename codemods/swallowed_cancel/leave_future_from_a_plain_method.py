# asyncmod-test: --unsafe-fixes
# A worker's loop waits on a future that a plain method makes with
# `loop.create_future()`: whoever cancels that future raises
# `CancelledError` in the loop, which is not cancelled itself. The handler
# swallows it so that the cleanup after the `try` runs; re-raising it would
# skip the cleanup.
import asyncio


class Worker:
    def __init__(self):
        self.alive = True
        self.loop = None
        self._notify_waiter = None
        self.rounds = 0

    def _wait_next_notify(self):
        loop = self.loop
        self._notify_waiter = waiter = loop.create_future()
        loop.call_soon(self._notify_waiter_done, waiter)
        return waiter

    def _notify_waiter_done(self, waiter):
        if not waiter.done():
            waiter.set_result(True)

    def stop(self):
        if self._notify_waiter is not None:
            self._notify_waiter.cancel()

    async def run(self):
        self.loop = asyncio.get_running_loop()
        try:
            while self.alive:
                self.rounds += 1
                await self._wait_next_notify()
        except BaseException:  # leave, reported: the future may be cancelled elsewhere
            pass
        print("cleanup after", self.rounds, "rounds")


async def main():
    worker = Worker()
    task = asyncio.create_task(worker.run())
    while worker.rounds < 3:
        await asyncio.sleep(0)
    worker.stop()
    await task
    print("task cancelled:", task.cancelled())


asyncio.run(main())
