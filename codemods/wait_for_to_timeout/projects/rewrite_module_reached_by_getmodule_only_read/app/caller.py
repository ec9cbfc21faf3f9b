import inspect

REGISTRY = []

def register(module):
    REGISTRY.append(module)

def caller_name():
    module = inspect.getmodule(inspect.stack(context=0)[1].frame)
    if module is not None:
        name = module.__name__
    else:
        name = __name__
    return name

def work():
    return caller_name()

print(work())
