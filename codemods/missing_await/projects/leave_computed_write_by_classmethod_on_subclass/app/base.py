class Base:
    @classmethod
    def install(cls, name, fn):
        setattr(cls, name, fn)

    async def flush(self):
        print('async flush')

    async def run(self):
        self.flush()
        print('done')
