import types

import svc
import svc.store


def fake(x):
    print("fake save", x)


# The package's attribute now holds another object: `from svc import store`
# and `svc.store` read it, not the module.
svc.store = types.SimpleNamespace(save=fake)
