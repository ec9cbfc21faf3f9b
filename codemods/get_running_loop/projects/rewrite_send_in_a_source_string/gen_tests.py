# Writes a test file for another tool; the code below is only a string.
SOURCE = """\
async def test_anything(any_fixture):
    try:
        any_fixture.send(None)
    except StopIteration:
        pass
"""


def write(path):
    with open(path, "w") as f:
        f.write(SOURCE)
