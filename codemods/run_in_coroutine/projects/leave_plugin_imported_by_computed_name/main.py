# asyncmod-runtime: compare
import asyncio, importlib, pkgutil
import plugins

async def main():
    for info in pkgutil.iter_modules(plugins.__path__):
        mod = importlib.import_module(f"plugins.{info.name}")
        try:
            print(info.name, "->", await mod.run())
        except RuntimeError as e:
            print(info.name, "failed:", e)

asyncio.run(main())
