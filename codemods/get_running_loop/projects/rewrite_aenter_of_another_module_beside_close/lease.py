import asyncio

class Lease:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        # rewrite: entered while the loop runs, never on a close
        loop = asyncio.get_event_loop()
        print("lease", self.name, "taken", "(loop closed)" if loop.is_closed() else "(loop open)")
        return self

    async def __aexit__(self, typ, exc, tb):
        print("lease", self.name, "released")
