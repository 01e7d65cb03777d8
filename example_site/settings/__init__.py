"""Settings for the ngo_cms project: ``base`` plus one module per environment.

``dev`` is the default of ``manage.py``; ``test`` is used by pytest; ``production``
is for servers and refuses to start without a secret key and allowed hosts.
"""
