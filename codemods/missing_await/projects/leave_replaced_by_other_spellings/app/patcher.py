import contextlib
from unittest import mock
from unittest.mock import patch

from app import store


def fake(record):
    print("sync", record)


# Other spellings of a write of `store.save_*` than `store.save_* = fake`.
store.save_tuple, other = fake, 1
for store.save_for in [fake]:
    pass
with contextlib.nullcontext(fake) as store.save_with:
    pass
mock.patch("app.store.save_patch", new=fake).start()
patch.multiple(store, save_multiple=fake).start()
patch.dict(store.__dict__, {"save_dict": fake}).start()
patch.dict(store.__dict__, save_dict_keyword=fake).start()
vars(store).update(save_vars=fake)
store. save_spaced = fake
store.\
    save_backslash = fake
(
    store.save_multiline,
    other,
) = (fake, 1)
setattr (store, "save_setattr_spaced", fake)
[0 for store.save_comprehension in [fake]]
