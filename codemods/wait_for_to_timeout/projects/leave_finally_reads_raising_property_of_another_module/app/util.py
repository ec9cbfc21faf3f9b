class Conn:
    @property
    def closed(self):
        print("cleanup")
        raise RuntimeError('closed twice')
conn = Conn()
