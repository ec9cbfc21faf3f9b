# asyncmod-test: --unsafe-fixes
import asyncio

from app.power import get_backup_reserve, summarise


async def power(wall):
    # leave: `wall` is the first call's receiver and inside the second's list
    charge = await wall.get_charge()
    summary = await summarise([wall])
    return charge, summary


async def by_name(wall):
    # leave: the same, inside a dict
    charge = await wall.get_charge()
    reserve = await get_backup_reserve(devices={"wall": wall})
    return charge, reserve
