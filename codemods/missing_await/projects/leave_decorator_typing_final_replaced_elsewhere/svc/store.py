import typing


@typing.final
async def save(x):
    print('saved', x)
