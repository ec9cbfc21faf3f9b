import functools


def other():
    pass


@functools.wraps(other)
async def save(x):
    print('saved', x)
