class Other:
    def flush(self):
        print("sync flush")

    async def run(self):
        self.flush()
        print("other run done")
