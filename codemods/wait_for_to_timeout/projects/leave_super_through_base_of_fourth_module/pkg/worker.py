from pkg.mid import Mid

class Worker(Mid):
    async def run(self):
        return await super().run()
