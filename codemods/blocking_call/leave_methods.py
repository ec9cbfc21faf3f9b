# asyncmod-test: --unsafe-fixes
import subprocess

import requests


async def methods(session, url):
    session.get(url)  # leave: a method; its blocking is not visible
    proc = subprocess.Popen(["sleep", "1"])  # leave: Popen itself does not wait
    requests.Session().get(url)  # leave: a session method
    subprocess.getoutput("ls")  # leave: not in the list
    return proc
