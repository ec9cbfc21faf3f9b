HANDLERS = {}

def register(f):
    HANDLERS[f.__name__] = f
    return f
