# asyncmod-test: --unsafe-fixes
"""An API client that blocks the loop on every request."""
import requests

BASE = "https://api.example.com"


async def get_user(user_id):
    response = requests.get(f"{BASE}/users/{user_id}", timeout=5)  # rewrite
    response.raise_for_status()
    return response.json()


async def create_user(payload):
    return requests.post(f"{BASE}/users", json=payload, timeout=5)  # rewrite: a return


async def ping():
    requests.head(BASE)  # rewrite: a whole statement
    status: int = requests.request("OPTIONS", BASE).status_code  # rewrite: the chain does no I/O
    return status
