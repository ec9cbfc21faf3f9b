from app.cli import serve

# The entry point is also called from here, several times.
for _ in range(2):
    serve()
