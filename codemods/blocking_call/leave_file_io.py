# asyncmod-test: --unsafe-fixes
import pathlib
from pathlib import Path


async def files(path):
    with open(path) as fh:  # leave, reported: file I/O has no automatic fix
        text = fh.read()
    Path(path).write_text(text)  # leave, reported
    data = pathlib.Path(path).read_bytes()  # leave, reported
    return data
