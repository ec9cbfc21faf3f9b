import asyncio

class Lease:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        return self

    async def __aexit__(self, typ, exc, tb):
        loop = asyncio.get_event_loop()
        print("lease", self.name, "released", "(loop closed)" if loop.is_closed() else "(loop open)")
