class Conn:
    def __getattr__(self, name):
        raise RuntimeError(f"no attribute {name} on a lost connection")
