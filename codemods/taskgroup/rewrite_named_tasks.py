# asyncmod-test: --unsafe-fixes
import asyncio

from app.services import billing, profile, settings


async def dashboard(user_id):
    profile_task = asyncio.create_task(profile.load(user_id))
    billing_task = asyncio.create_task(billing.load(user_id))
    # rewrite: awaited one by one
    user = await profile_task
    invoices = await billing_task
    return user, invoices


async def gathered(user_id):
    a = asyncio.create_task(profile.load(user_id))
    b = asyncio.create_task(settings.load(user_id))
    loaded = await asyncio.gather(a, b)  # rewrite: a list, as gather gave
    return loaded


async def bare(user_id):
    a = asyncio.create_task(profile.refresh(user_id))
    b = asyncio.create_task(settings.refresh(user_id))
    await a  # rewrite: the tasks only need to finish
    await b
    print("refreshed")


async def read_after(user_id):
    a = asyncio.create_task(profile.refresh(user_id))
    b = asyncio.create_task(settings.refresh(user_id))
    await asyncio.gather(a, b)  # rewrite
    if a.done() and not b.cancelled():
        return a.result()
