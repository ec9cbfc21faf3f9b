from . import (
    other as o,  # the other
    svc as s,
)
print('timeout is', s.TIMEOUT, o.X)
