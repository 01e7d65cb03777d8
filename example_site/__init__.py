"""The example site: settings, URLs, WSGI/ASGI and the demo content.

It shows how a site uses the ``ngo_cms``, ``casepages`` and ``actions`` apps. The
wheel ships only those apps; this package stays in the repository.
"""
