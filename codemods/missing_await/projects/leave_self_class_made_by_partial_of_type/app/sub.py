import functools
from app.base import Base
def _flush(self):
    print("sync flush")
make = functools.partial(type, "Sub", (Base,))
Sub = make({"flush": _flush})
