from pkg.base import Base

class Sync(Base.__mro__[0]):
    def flush(self):
        print('sync flush')

def make():
    return Sync()
