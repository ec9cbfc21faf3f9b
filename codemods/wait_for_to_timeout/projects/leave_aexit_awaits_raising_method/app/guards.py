class Session:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        await self.close()
    async def close(self):
        raise RuntimeError("close failed")
