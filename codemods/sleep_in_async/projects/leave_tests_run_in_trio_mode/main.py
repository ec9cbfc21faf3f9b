# pytest-trio's trio_mode (pyproject.toml) runs every async test under trio,
# with no import of trio: asyncio.sleep would find no loop. Unsafe fix only.
# (Not run here: it needs pytest and pytest-trio.)
import contextlib, io
import pytest
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = pytest.main(["-q", "-p", "no:cacheprovider", "tests"])
print("pytest rc", int(rc))
for line in buf.getvalue().splitlines():
    if line.startswith("FAILED"):
        print(line)
