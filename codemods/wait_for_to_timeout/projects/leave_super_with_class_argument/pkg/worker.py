import pkg.base as base

class Worker(base.Base):
    async def run(self):
        r = await super(Worker, self).run()
        return r
