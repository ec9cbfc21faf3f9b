import gc
import svc.store
gc.get_referents(svc.store.Store.__dict__)[0]['save'] = lambda self, x: print('gc sync', x)
