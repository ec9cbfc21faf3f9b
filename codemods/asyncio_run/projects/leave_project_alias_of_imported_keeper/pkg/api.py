from pkg.c import h

job = h
