import asyncio


async def offload(job):
    def in_thread():
        # leave: this runs in a worker thread, where no loop runs
        return asyncio.run(job())

    callback = lambda: asyncio.run(job())  # leave: a lambda may run anywhere

    class Runner:
        result = None

        def run(self):
            self.result = asyncio.run(job())  # leave: a method of a nested class

    results = list(asyncio.run(job()) for _ in range(2))  # leave: generator expression
    return await asyncio.to_thread(in_thread), callback, Runner, results
