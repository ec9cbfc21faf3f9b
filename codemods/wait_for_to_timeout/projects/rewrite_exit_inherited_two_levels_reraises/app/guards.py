class Guard:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        print("guard: exit with", et.__name__ if et else None)
        if e is not None:
            raise e
        return False
