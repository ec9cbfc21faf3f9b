TIMEOUT = 0
from .base import *
