class Conn:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print("conn: exit")
