import time


class Repo:
    def load(self):
        time.sleep(1)


repo = Repo()
