import operator
from app import svc
def sync_flush():
    svc.LOG.append('sync flush')
operator.methodcaller('__setattr__', 'extra', sync_flush)(svc)
