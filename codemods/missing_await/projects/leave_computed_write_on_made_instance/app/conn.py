class Conn:
    async def flush(self):
        print('async flush')

    async def run(self):
        self.flush()
        print('done')
