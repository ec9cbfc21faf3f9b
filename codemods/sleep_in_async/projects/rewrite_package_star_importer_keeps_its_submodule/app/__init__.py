from .jobs import *
