from app.base import Base

def sync_flush(self):
    print('sync flush')

class Conn(Base, flush=sync_flush):
    async def run(self):
        self.flush()
        print('done')

    async def flush(self):
        print('async flush')
