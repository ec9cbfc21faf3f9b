# asyncmod-runtime: compare
import asyncio, importlib
class Duck:
    def flush(self):
        print("sync flush")
async def main():
    try:
        await importlib.import_module("app.base").Base.run(Duck())
    except Exception as e:
        print("ERR", type(e).__name__, e)
asyncio.run(main())
