import inspect


def resolve_annotation(annotation, globalns):
    if isinstance(annotation, str):
        return globalns.get(annotation, annotation)
    return annotation


def params(func):
    sig = inspect.signature(func)
    return {n: resolve_annotation(p.annotation, func.__globals__) for n, p in sig.parameters.items()}
