class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("guard exit", exc[0].__name__ if exc[0] else None)
        return True
