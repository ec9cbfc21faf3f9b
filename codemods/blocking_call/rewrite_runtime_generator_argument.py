# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A generator expression alone between the call's parentheses borrows them;
# as the second argument of `to_thread` it needs its own.
import asyncio
import subprocess
import sys


async def run(argv):
    subprocess.run(str(a) for a in argv)  # rewrite
    return "ran"


async def output(argv):
    text = subprocess.check_output(  # rewrite: the comment stays
        str(a) for a in argv
    )
    return text.decode().strip()


async def main():
    argv = [sys.executable, "-c", "print('child')"]
    print(await run(argv))
    print(await output(argv))


asyncio.run(main())
