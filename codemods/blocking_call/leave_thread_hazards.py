# asyncmod-test: --unsafe-fixes
import os
import subprocess

import requests


def log_response(response, *args, **kwargs):
    print(response.status_code)


async def new_session(cmd):
    # leave, reported: preexec_fn may deadlock the child once the process has threads
    subprocess.run(cmd, preexec_fn=os.setsid)


async def forwarded_options(cmd, **options):
    subprocess.check_call(cmd, **options)  # leave, reported: `options` may hold a preexec_fn


async def hooked(url):
    # leave, reported: the hook would run in the worker thread, beside the loop
    requests.get(url, hooks={"response": log_response})


async def given_a_lambda(cmd):
    subprocess.call(cmd, preexec_fn=lambda: os.nice(5))  # leave, reported
