# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio as aio


class Repository:
    def __init__(self, rows):
        self.rows = rows
        self.busy = False

    async def get(self, key):
        # One operation at a time, as a database connection would insist.
        if self.busy:
            raise RuntimeError("concurrent use of one repository")
        self.busy = True
        await aio.sleep(0.01)
        self.busy = False
        return self.rows[key]


class Service:
    def __init__(self):
        self.users = Repository({1: "ada", 2: "grace"})
        self.orders = Repository({1: ["tea"], 2: ["coffee", "cake"]})

    async def summary(self, uid, other):
        user = await self.users.get(uid)  # rewrite: two receivers
        orders = await self.orders.get(uid)
        # leave: the same receiver as `user`, so never at the same time
        friend = await self.users.get(other)
        return user, orders, friend


print(aio.run(Service().summary(1, 2)))
