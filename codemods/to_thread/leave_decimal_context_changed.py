# asyncmod-test: --unsafe-fixes
"""The function sets the decimal context's precision: run by `to_thread`, the caller's (reported)."""
import asyncio
import decimal

def low_precision_sum(values):
    decimal.getcontext().prec = 3
    return sum(values, decimal.Decimal(0))

async def main():
    loop = asyncio.get_running_loop()
    s = await loop.run_in_executor(None, low_precision_sum, [decimal.Decimal("1.23456")] * 2)
    print("thread result", s)
    print("caller after:", decimal.Decimal(1) / decimal.Decimal(7))

asyncio.run(main())
