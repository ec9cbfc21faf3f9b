from somewhere import spawn


@spawn
async def background():
    return 1
