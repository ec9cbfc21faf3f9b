class Guard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        print("guard exit", exc[0].__name__ if exc[0] else None)
        return False
