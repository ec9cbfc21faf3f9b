from app import svc, other
o, m = other, svc
m.TIMEOUT = 0
