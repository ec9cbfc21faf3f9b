class Conn:
    @property
    def closed(self):
        print("cleanup")
        raise RuntimeError('closed twice')
class Holder:
    def __init__(self):
        self.conn = Conn()
