# asyncmod-test: --unsafe-fixes
"""The function changes the decimal context's traps through a local name (reported)."""
import asyncio
import decimal

def low():
    ctx = decimal.getcontext()
    ctx.traps[decimal.DivisionByZero] = False
    return decimal.Decimal(1) / decimal.Decimal(0)

async def main():
    print(decimal.Decimal(1) / decimal.Decimal(8))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, low))
    try:
        print(decimal.Decimal(1) / decimal.Decimal(0))
    except decimal.DivisionByZero:
        print("caller still traps")

asyncio.run(main())
