async def notify(who):
    return who
