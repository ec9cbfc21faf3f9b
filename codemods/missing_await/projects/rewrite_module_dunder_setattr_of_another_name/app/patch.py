from app import svc
def sync_flush():
    svc.LOG.append('sync flush')
svc.__setattr__('extra', sync_flush)
