import subprocess

from tools import read_config
from tools.io import count_lines
from tools.io import settle as pause
from .steps import prepare


async def main(path):
    subprocess.run(["true"], check=True)  # fixed: a direct call
    config = read_config(path)  # report: re-exported by `tools/__init__.py`
    lines = count_lines(path)  # report: through two modules
    prepare(0)  # report: a relative import, then three modules
    pause(0)  # report: imported under another name
    return config, lines
