import asyncio


def save(record):
    print("legacy save", record)
    return record


def main():
    print("legacy main")
    future = asyncio.get_event_loop().create_future()
    future.set_result("from a future")
    return future
