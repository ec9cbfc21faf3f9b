from .mgrs import *
async def job():
    await step()
    return "partial"
