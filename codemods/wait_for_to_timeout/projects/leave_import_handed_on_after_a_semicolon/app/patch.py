def force(m, v):
    m.TIMEOUT = v
from app import svc; force(svc, 0)
