from app.conn import Conn

class Sub(Conn):
    pass

def make(name):
    c = Sub()
    setattr(c, name, lambda: print('sync flush'))
    return c
