import asyncio

from app.formula import evaluate, load


async def total():
    await asyncio.sleep(0)
    return f"{evaluate(load('price.txt'), price=100, rate=0.25)}"
