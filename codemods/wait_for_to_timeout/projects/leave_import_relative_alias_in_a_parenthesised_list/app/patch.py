from . import (
    other as o,  # the other
    svc as s,
)
s.TIMEOUT = 0
