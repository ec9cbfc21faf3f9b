class Conn:
    @property
    def closed(self):
        print("cleanup")
        return True
conn = Conn()
