# asyncmod-test: --unsafe-fixes
import asyncio
import subprocess

import requests


async def deploy(url, payload, headers, environment):
    # rewrite: a line made too long is broken the way black would
    response = requests.post(url, json=payload, headers=headers, timeout=10)  # audit
    subprocess.run(["ansible-playbook", "deploy.yml", "--limit", environment], check=True, text=True)
    subprocess.run(  # rewrite: a call over several lines keeps its layout
        ["notify", environment],
        check=True,
    )
    await asyncio.sleep(0)
    return response
