import operator
from app import svc
def sync_flush():
    svc.LOG.append('sync flush')
operator.methodcaller('__setattr__', 'flush', sync_flush)(svc)
