class Guard:
    @classmethod
    def make(cls):
        return cls()
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return True
