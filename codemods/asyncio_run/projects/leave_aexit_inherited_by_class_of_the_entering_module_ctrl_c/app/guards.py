class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        return True
