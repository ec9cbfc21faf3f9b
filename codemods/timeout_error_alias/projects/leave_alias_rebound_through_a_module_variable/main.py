# asyncmod-runtime: compare
import asyncio
import app.compat
async def op(n):
    if n == 1:
        raise app.compat.ServiceTimeout("service")
    raise TimeoutError("socket")
async def main():
    for n in (1, 2):
        try:
            try:
                await op(n)
            except asyncio.TimeoutError as e:
                print("handled service timeout:", e)
        except TimeoutError as e:
            print("outer handler:", e)
asyncio.run(main())
