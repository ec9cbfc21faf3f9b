from app import (
    other,
    svc as s,
)
print('timeout is', s.TIMEOUT, other.X)
