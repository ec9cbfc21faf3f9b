# anyio's pytest plugin runs the marked tests under the backend the
# anyio_backend fixture names, trio, with no import of anyio: asyncio.sleep
# would find no loop. Unsafe fix only. (Not run here: it needs pytest and trio.)
import contextlib, io
import pytest
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = pytest.main(["-q", "-p", "no:cacheprovider", "tests"])
print("pytest rc", int(rc))
for line in buf.getvalue().splitlines():
    if line.startswith("FAILED"):
        print(line)
