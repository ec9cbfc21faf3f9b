from pkg.c import h

def __getattr__(name):
    return h
