async def save(x):
    print('saved', x)
