class Conn:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print('conn: exit')
