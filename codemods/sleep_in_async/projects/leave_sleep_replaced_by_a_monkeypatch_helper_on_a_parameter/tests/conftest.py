import pytest
def patch_it(mod, v):
    mp = pytest.MonkeyPatch()
    mp.setattr(mod, 'sleep', v)
