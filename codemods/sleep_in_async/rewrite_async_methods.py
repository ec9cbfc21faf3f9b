import time


class Client:
    async def connect(self):
        time.sleep(0.1)  # rewrite: async method

    @staticmethod
    async def ping():
        time.sleep(0.2)  # rewrite: async staticmethod

    def close(self):
        time.sleep(0.3)  # leave: sync method
