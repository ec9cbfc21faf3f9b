from .base import *

TIMEOUT = 5
