async def save(record):
    print("saved async", record)
