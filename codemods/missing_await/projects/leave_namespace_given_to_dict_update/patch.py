from svc import store
dict.update(vars(store), save=lambda x: print("sync", x))
