from app import svc as \
    s
s.TIMEOUT = 0
