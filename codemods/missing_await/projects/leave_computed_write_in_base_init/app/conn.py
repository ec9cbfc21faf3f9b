from app.mixin import Mixin

class Conn(Mixin):
    async def flush(self):
        print('async flush')

    async def run(self):
        self.flush()
        print('done')
