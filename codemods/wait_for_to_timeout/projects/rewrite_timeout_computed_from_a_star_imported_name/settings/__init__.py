from .base import *

TIMEOUT = DEFAULT * 2
