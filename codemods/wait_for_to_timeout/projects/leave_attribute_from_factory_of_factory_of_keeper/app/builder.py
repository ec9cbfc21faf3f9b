from .worker import Worker
def build():
    return Worker()
