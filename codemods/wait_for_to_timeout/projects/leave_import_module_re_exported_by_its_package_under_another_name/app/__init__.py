from . import svc as service
