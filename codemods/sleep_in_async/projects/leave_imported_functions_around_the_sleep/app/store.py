_count = 0

def get():
    return _count

def put(v):
    global _count
    _count = v
