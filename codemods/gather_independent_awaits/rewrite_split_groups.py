# asyncmod-test: --unsafe-fixes
import asyncio

from app import catalogue, pricing, stock


async def product_view(sku, region):
    # rewrite: the first two are independent
    item = await catalogue.get_item(sku)
    rates = await pricing.exchange_rates(region)
    # the next two read `item`, so they start a second group
    price = await pricing.price_for(item.price_id, rates)
    levels = await stock.levels(item["warehouse"])
    return item, price, levels


async def dashboard(client, team_id):
    # rewrite: `members` and `projects` are bound once each, then `members`
    # again: the run splits there
    members = await client.members(team_id)
    projects = await load_projects(team_id)
    members = await enrich(team_id)
    invoices = await load_invoices(team_id)
    return members, projects, invoices


async def load_projects(team_id):
    return [team_id]


async def enrich(team_id):
    return [team_id]


async def load_invoices(team_id):
    return []
