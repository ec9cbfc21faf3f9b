class Target:
    def __init__(self):
        self.log = []

    async def fill(self):
        self.log.append("async")
