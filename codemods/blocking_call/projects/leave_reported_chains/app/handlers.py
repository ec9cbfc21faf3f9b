import subprocess

from service import cycle_a, sync
from service.db import Repo, repo
from service.http import fetch_all


def _local_step():
    return subprocess.run(["true"], check=False)


def local_helper():
    # A function of this module calling into the project and back.
    return _local_step()


async def handle(urls):
    results = fetch_all(urls)  # report: two modules
    sync.refresh(urls)  # report: three modules
    return results


async def mirror(urls):
    return sync.mirror(urls)  # report: four functions


async def with_repo(other: Repo):
    fresh = Repo()
    fresh.load()  # report: a method through a known class
    repo.load()  # report: a module-level instance of the project
    other.load()  # report: an annotated parameter (no subclass overrides it)


async def with_cycle():
    cycle_a.ping(3)  # report: through a cycle between modules


async def local():
    local_helper()  # report: this module's own functions
