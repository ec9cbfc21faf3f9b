from . import builder
def make_worker():
    return builder.build()
