from app.store import save


async def handle(record):
    # rewrite: docs/conf.py changes sys.path only for code run from docs/
    save(record)
