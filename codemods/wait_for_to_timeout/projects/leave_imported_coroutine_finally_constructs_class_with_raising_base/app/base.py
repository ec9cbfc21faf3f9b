class Checked:
    def __init__(self):
        print("cleanup")
        self.check()
    def check(self):
        raise ValueError("not clean")
