import app.hooks


def dedent(text):
    app.hooks.bind()
    return text
