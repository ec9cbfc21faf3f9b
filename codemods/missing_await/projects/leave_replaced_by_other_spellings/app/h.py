from app import store


async def handle():
    store.save_tuple("tuple")  # leave: app/patcher.py replaces it (a tuple target)
    store.save_for("for")  # leave: app/patcher.py replaces it (a `for` target)
    store.save_with("with")  # leave: app/patcher.py replaces it (a `with` target)
    store.save_patch("patch")  # leave: app/patcher.py replaces it (`mock.patch("app.store.save_patch")`)
    store.save_multiple("multiple")  # leave: app/patcher.py replaces it (`patch.multiple`)
    store.save_dict("dict")  # leave: app/patcher.py replaces it (`patch.dict` on its namespace)
    store.save_dict_keyword("dict_keyword")  # leave: app/patcher.py replaces it (`patch.dict` on its namespace)
    store.save_vars("vars")  # leave: app/patcher.py replaces it (`vars(store).update`)
    store.save_spaced("spaced")  # leave: app/patcher.py replaces it (a space after the dot)
    store.save_backslash("backslash")  # leave: app/patcher.py replaces it (a continued line after the dot)
    store.save_multiline("multiline")  # leave: app/patcher.py replaces it (a tuple target over several lines)
    store.save_setattr_spaced("setattr_spaced")  # leave: app/patcher.py replaces it (`setattr (…)`)
    store.save_comprehension("comprehension")  # leave: app/patcher.py replaces it (a comprehension target)
