from pkg.c import *
job = h
