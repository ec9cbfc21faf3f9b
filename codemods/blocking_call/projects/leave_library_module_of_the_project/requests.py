"""The project's own `requests`, which `import requests` in main.py finds
before the installed library: a stub that answers at once and must run on
the event loop's thread (it reads the running loop)."""
import asyncio


def get(url):
    asyncio.get_running_loop()
    return f"stub {url}"
