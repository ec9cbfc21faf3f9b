from app.loose import Loose

class Conn:
    fill = Loose.fill

    async def flush(self):
        print('async flush')

    async def run(self):
        self.flush()
        print('done')
