# anyio's pytest plugin runs the marked tests under asyncio only: the
# fixture that picks the backend names no other. The fix stays safe.
# (Not run here: it needs pytest.)
import contextlib, io
import pytest
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = pytest.main(["-q", "-p", "no:cacheprovider", "tests"])
print("pytest rc", int(rc))
for line in buf.getvalue().splitlines():
    if line.startswith("FAILED"):
        print(line)
