import asyncio


class State:
    def __init__(self, fut):
        self.fut = fut

    def wait_for_position(self):
        return asyncio.shield(self.fut)


class A:
    def tick(self):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result("A")
        return fut


class B:
    async def tick(self):
        return "B"

    async def run(self):
        # leave, reported: `C(A, B)` finds `A.tick`, which returns a future
        done, _ = await asyncio.wait([self.tick()])
        print([t.result() for t in done])


class C(A, B):
    pass


def spawn(f):
    def start(*args):
        return asyncio.ensure_future(f(*args))
    return start


@spawn
async def job():
    return "job"


async def main():
    loop = asyncio.get_running_loop()
    state = State(loop.create_future())
    state.fut.set_result(1)
    # leave, reported: the method returns `shield(...)`, a future, which
    # `wait` accepts on Python 3.11 and `create_task` rejects
    done, _ = await asyncio.wait([state.wait_for_position()])
    print(len(done))
    # leave, reported: the decorator makes `job()` return a task
    done, _ = await asyncio.wait([job()])
    print([t.result() for t in done])
    await C().run()


asyncio.run(main())
