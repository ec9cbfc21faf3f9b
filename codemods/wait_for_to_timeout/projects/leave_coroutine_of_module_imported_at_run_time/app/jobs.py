import importlib
lib = importlib.import_module("app.lib")
async def job():
    return await lib.keeper()
