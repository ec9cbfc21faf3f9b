from .factory import make_worker
class Svc:
    def __init__(self):
        self.worker = make_worker()
    async def run(self):
        return await self.worker.go()
