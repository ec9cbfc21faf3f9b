# asyncmod-test: --unsafe-fixes
import asyncio

from app import audit, billing, inventory


async def checkout(cart, customer):
    async with audit.span("checkout"):
        if cart.items:
            for line in cart.items:
                stock = await inventory.reserve(line.sku)  # rewrite
                tax = await billing.tax_for(
                    line.sku,
                    customer.country,  # a comment inside the call
                )
                line.update(stock, tax)
        try:
            total = await billing.total(cart)  # rewrite
            points = await billing.loyalty_points(customer)
        except billing.Unavailable:
            total, points = None, 0
    return total, points


async def describe(sku):
    text = await inventory.describe(sku, template="""
Item: {sku}
  (kept byte for byte)
""")  # rewrite: the string keeps its bytes
    price = await billing.price(sku)
    return text, price
