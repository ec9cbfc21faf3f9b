TIMEOUT = 5
from .local import *
