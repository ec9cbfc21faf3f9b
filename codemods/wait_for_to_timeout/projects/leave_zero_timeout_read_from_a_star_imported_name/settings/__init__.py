from .defaults import *
TIMEOUT = DEFAULT
