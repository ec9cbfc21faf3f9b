async def random():
    print('project async random')
