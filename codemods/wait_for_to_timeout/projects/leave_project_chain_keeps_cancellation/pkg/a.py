from pkg.b import g

async def f():
    await g()
    print('f went on')
