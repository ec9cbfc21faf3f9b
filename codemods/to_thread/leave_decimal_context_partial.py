# asyncmod-test: --unsafe-fixes
"""The function in `functools.partial` changes the decimal context (reported)."""
import asyncio
import decimal
import functools

def scaled(x, prec):
    decimal.getcontext().prec = prec
    return +decimal.Decimal(x)

async def main():
    print(decimal.Decimal(1) / decimal.Decimal(8))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, functools.partial(scaled, "3.14159", 2)))
    print(decimal.Decimal(2) / decimal.Decimal(3))

asyncio.run(main())
