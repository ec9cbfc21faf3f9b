from app import (
    other,
    svc as s,
)
s.TIMEOUT = 0
