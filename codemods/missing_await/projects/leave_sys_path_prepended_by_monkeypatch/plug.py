import types

ns = types.SimpleNamespace(save=lambda x: print('ns sync', x), Redis=type('R', (), {'set': lambda self, k, v: print('ns sync set')}))
import pytest
mp = pytest.MonkeyPatch()
mp.syspath_prepend('vendor')
