from app import svc as s  # short name
print('timeout is', s.TIMEOUT)
