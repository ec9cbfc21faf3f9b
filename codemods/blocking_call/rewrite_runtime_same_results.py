# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio
import contextvars
import os
import subprocess

order = []
var = contextvars.ContextVar("var", default="unset")


def arg(x):
    order.append(x)
    return x


async def main():
    os.system(arg("true"))  # rewrite: the argument is evaluated first, as before
    status = os.system(arg("exit 3"))  # rewrite
    print(order, status >> 8)
    var.set("set")
    out = subprocess.run(["echo", var.get()], capture_output=True, text=True)  # rewrite
    print(out.stdout.strip(), var.get())
    args = (["echo", "starred"],)
    options = {"capture_output": True, "text": True}
    out = subprocess.run(*args, capture_output=True, text=True)  # rewrite
    print(out.stdout.strip(), options["text"])
    try:
        subprocess.check_call(["false"])  # rewrite: the same exception comes out of the thread
    except subprocess.CalledProcessError as e:
        print("failed", e.returncode)
    os.chdir("/")
    out = subprocess.check_output(["pwd"], text=True)  # rewrite: the thread shares the cwd
    print(out.strip())


asyncio.run(main())
