def force(m, v):
    print('forced', m.__name__, v)
from app import svc; force(svc, 0)
