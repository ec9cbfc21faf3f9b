async def getpid():
    print('project async getpid')
