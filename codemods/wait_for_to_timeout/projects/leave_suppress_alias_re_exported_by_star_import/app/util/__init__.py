from .ctx import *
