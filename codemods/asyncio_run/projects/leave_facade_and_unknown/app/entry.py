import asyncio

import click

from app.remote import fetch


@click.command()
def run():
    # leave (unsafe only): an entry point, but decorated
    asyncio.get_event_loop().run_until_complete(fetch("x"))
