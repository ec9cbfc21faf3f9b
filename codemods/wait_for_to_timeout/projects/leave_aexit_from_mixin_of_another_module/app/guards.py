class KeepMixin:
    async def __aexit__(self, *exc):
        print("mixin: exit")
        return True
