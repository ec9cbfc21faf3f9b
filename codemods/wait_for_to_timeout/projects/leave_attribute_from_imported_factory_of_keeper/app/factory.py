from .worker import Worker
def make_worker():
    return Worker()
