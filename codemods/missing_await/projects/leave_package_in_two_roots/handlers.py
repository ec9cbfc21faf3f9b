from app.store import save


async def handle(record):
    save(record)  # leave: two roots hold `app`; run from here, app/store.py wins
