"""The headless content API under ``/api/v1/``.

This package holds what every page type shares: the page envelope, images, rich text
and stream fields (``serializers``), the registry through which the domain apps make
their page types known (``registry``), locale handling and JSON errors (``errors``,
``context``), response caching (``caching``) and the generic views (``views``). The
apps' own ``api`` packages extend it and register themselves (``registry``).
"""
