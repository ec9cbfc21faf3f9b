def _sync_flush():
    import svc
    svc.LOG.append('sync flush')
def force(mod):
    mod.flush = _sync_flush
