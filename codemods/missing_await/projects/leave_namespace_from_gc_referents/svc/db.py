from svc.store import Store

db = Store()
