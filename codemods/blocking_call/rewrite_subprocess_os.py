# asyncmod-test: --unsafe-fixes
import asyncio
import os
import subprocess


async def build(target):
    subprocess.run(["make", target], check=True)  # rewrite
    output = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True)  # rewrite
    code = subprocess.call("true", shell=True)  # rewrite
    subprocess.check_call(["sync"])  # rewrite
    os.system("clear")  # rewrite
    await asyncio.sleep(0)
    return output.strip(), code
