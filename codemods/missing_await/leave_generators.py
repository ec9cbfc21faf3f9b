async def rows(cursor):
    async for row in cursor:
        yield row


def helper():
    return None


async def main(cursor):
    rows(cursor)  # leave: an async generator cannot be awaited
    helper()  # leave: a plain function
