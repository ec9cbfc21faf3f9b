from .ops import Op
async def job():
    return await Op()
