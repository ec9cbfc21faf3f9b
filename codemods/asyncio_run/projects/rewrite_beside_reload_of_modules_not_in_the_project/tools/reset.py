import importlib
import json
import logging as lg


def reset():
    importlib.reload(json)
    importlib.reload(lg)
    print(json.dumps({"reset": True}))
