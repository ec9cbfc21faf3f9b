async def job():
    pass


async def main():
    job()  # noqa: AM109
    job()  # noqa
