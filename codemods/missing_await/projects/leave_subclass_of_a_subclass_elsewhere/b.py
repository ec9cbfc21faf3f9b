from a import Mid


class Leaf(Mid):
    def flush(self):
        print("sync flush")
