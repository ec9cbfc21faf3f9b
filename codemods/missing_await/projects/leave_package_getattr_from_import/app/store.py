async def save(record):
    print("async save", record)
