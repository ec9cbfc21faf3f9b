def fail(name):
    raise RuntimeError(f"could not release {name}")
