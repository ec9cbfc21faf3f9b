async def save(record):
    print("saved", record)


async def main():
    print("async main")
