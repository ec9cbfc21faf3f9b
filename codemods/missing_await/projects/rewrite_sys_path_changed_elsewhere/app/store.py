async def save(record):
    return record
