from svc import store
ns = vars(store)
del ns["save"]
ns.setdefault("save", print)
