import typing
import helpers

typing.final = helpers.final


@typing.final
async def save(x):
    print('saved', x)
