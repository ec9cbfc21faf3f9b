from service import http

# Replaced anywhere in the project: what the name calls is not known.
http.swapped = print
