class Repo:
    def load(self):
        return self._read()

    def _read(self):
        with open("data.txt") as f:
            return f.read()


repo = Repo()
