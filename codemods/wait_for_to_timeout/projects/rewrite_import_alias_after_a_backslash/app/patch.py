from app import svc as \
    s
print('timeout is', s.TIMEOUT)
