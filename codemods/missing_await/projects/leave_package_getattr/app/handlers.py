import app


async def handle(record):
    app.store.save(record)  # leave: the package's `__getattr__` gives `app.store`
