from app import store


async def handle(record):
    store.save(record)  # leave: app/compat.py replaces it by a computed name
