import sys
from app import svc, other
o, m = sys, other
m.TIMEOUT = 0
print(svc.TIMEOUT)
