# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio
import subprocess
import sys


async def version():
    out = subprocess.check_output([sys.executable, "-c", "print(6 * 7)"], text=True)  # rewrite
    return out.strip()


async def main():
    results = await asyncio.gather(version(), version())
    print(results)


asyncio.run(main())
