from app.other import Other

def make(name, target):
    c = Other()
    def swap():
        nonlocal c
        c = target
    swap()
    setattr(c, name, lambda: print('sync flush'))
    return c
