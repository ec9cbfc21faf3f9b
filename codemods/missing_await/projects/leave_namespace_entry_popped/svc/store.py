async def save(x):
    print('async', x)


def __getattr__(name):
    if name == 'save':
        return lambda x: print('getattr sync', x)
    raise AttributeError(name)
