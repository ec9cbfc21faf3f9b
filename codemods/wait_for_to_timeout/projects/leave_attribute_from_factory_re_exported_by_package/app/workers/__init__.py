from .impl import Worker
def make_worker():
    return Worker()
