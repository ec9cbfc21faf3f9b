def __getattr__(name):
    if name == 'LazyStore':
        from svc.store import Store
        return Store
    raise AttributeError(name)
