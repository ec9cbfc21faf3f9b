from app import store


async def handle(record):
    store.save(record)  # leave: `from app import store` asks the package's `__getattr__`
