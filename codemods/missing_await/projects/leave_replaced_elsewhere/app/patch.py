from app import store

# Another module replaces the function and the instance's method.
store.save = lambda record: print("patched", record)
store.repo.put = lambda x: print("patched", x)
