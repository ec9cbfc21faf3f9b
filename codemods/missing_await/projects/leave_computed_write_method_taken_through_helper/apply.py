def apply(kind, obj, names):
    for n in names:
        getattr(kind, n)(obj)
