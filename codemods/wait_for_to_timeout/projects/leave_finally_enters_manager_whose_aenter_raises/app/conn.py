class Session:
    async def __aenter__(self):
        raise RuntimeError("cannot open cleanup session")
    async def __aexit__(self, *a):
        return False
