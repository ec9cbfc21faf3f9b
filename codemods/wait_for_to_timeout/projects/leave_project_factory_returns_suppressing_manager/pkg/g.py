class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return True

def make_guard():
    return Guard()
