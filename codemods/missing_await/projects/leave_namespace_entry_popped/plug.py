import svc.store
svc.store.__dict__.pop('save')
