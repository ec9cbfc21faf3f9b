class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        print("guard: exit with", et.__name__ if et else None)
        return False
