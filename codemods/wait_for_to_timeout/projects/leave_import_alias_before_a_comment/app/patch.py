from app import svc as s  # short name
s.TIMEOUT = 0
