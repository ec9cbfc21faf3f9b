def release(name):
    raise RuntimeError(f"could not release {name}")
