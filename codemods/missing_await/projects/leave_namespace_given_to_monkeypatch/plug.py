import types

ns = types.SimpleNamespace(save=lambda x: print('ns sync', x), Redis=type('R', (), {'set': lambda self, k, v: print('ns sync set')}))
import pytest
import svc.store
mp = pytest.MonkeyPatch()
mp.setitem(vars(svc.store), 'save', ns.save)
