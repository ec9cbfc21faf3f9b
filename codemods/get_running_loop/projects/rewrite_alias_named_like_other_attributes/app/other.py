class Holder:
    def __init__(self):
        self.asyncio = None


def configure(holder, value):
    setattr(holder, "asyncio", value)
    holder.asyncio, holder.aio = value, value
