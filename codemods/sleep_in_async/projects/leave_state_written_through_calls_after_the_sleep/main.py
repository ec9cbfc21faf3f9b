# asyncmod-runtime: compare
import asyncio
import time


class Counter:
    def __init__(self):
        self.value = 0

    def _set(self, value):
        self.value = value

    async def by_setattr(self, new):
        time.sleep(0.001)  # leave (safe): `new` is written back through `setattr`
        setattr(self, "value", new)

    async def by_method(self, new):
        time.sleep(0.001)  # leave (safe): `new` is written back by a method
        self._set(new)

    async def by_namespace(self, new):
        time.sleep(0.001)  # leave (safe): `new` is written back into `__dict__`
        self.__dict__.update(value=new)

    async def by_lambda(self, new):
        time.sleep(0.001)  # leave (safe): a lambda's default holds `new`
        self.value = (lambda n=new: n)()


async def main():
    for store in ["by_setattr", "by_method", "by_namespace", "by_lambda"]:
        c = Counter()

        async def increment():
            await getattr(c, store)(c.value + 1)

        await asyncio.gather(increment(), increment(), increment())
        print(store, c.value)


asyncio.run(main())
