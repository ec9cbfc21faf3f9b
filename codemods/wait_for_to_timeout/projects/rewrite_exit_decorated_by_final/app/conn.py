import typing
class Conn:
    async def __aenter__(self):
        return self
    @typing.final
    async def __aexit__(self, *exc):
        print('conn: exit')
