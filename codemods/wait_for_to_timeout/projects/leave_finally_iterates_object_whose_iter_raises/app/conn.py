class Pending:
    def __iter__(self):
        raise RuntimeError("pending list lost")
