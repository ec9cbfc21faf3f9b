from app.store import save


async def handle(record):
    save(record)  # leave: `app.store` is the synchronous store at run time
