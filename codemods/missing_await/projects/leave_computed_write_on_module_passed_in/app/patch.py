def sync_save():
    print('sync save')

def install(mod, name):
    setattr(mod, name, sync_save)
