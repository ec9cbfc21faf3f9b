# asyncmod-test: --unsafe-fixes
import asyncio

from app.payments import charge, validate


async def place_order(order, card):
    await validate(order)  # leave: effects are ordered
    await charge(card)
    return order


async def stream(ws, header, body):
    await ws.send(header)  # leave: header before body
    await ws.send(body)


async def mixed(order, card):
    receipt = await charge(card)
    await validate(order)  # leave: a bare await ends the group
    audit = await charge(card)
    return receipt, audit
