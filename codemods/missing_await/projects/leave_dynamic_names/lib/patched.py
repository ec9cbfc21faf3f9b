async def ping():
    return 1
