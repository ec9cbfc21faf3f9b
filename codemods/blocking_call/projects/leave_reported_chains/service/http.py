import requests


def _get(url):
    return requests.get(url, timeout=5)


def fetch_all(urls):
    # Through a comprehension: it runs here.
    return [_get(url) for url in urls]
