import os
import sys

# Sphinx imports the project from the root.
sys.path.insert(0, os.path.abspath(".."))
