async def fine(:
    return 1
