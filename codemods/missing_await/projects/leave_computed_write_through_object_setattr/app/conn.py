from app.base import Base

class Conn(Base):
    async def flush(self):
        print('async flush')

    async def run(self):
        self.flush()
        print('done')
