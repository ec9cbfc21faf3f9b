from app.base import Box
from app.hooks import STORE

ALIAS = Box[int]


async def main():
    print(await STORE[0])
