async def save():
    print('async save')
