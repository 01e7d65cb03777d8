"""``?q=``: one search rule for every list of the API.

On PostgreSQL, full-text search in the language of the list: Dutch, French or English
stemming with every word as a prefix (``gevangene`` finds ``gevangenen``,
``exécution`` finds ``exécutions``), accents ignored on both sides, all words
required, ranked by relevance. Elsewhere (SQLite, the embedded
default) a case-insensitive substring match, which needs no index.

Accents are folded with PostgreSQL's built-in ``translate()`` rather than the
``unaccent`` extension, so no extension (and no superuser) is needed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce

# The text-search configuration of each content language (PostgreSQL names).
CONFIGS = {"nl": "dutch", "fr": "french", "en": "english", "de": "german"}
ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ"
PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY"
RANK = "search_rank"


def fold_accents(text: str) -> str:
    """``text`` without diacritics (é → e), as the database folds the documents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def text_search(
    queryset: QuerySet, query: str, fields: list[str], language: str
) -> QuerySet:
    """The rows of ``queryset`` whose ``fields`` match ``query``.

    Args:
        queryset: the pages to search.
        query: what the reader typed (``?q=``); blank returns ``queryset`` as is.
        fields: the text fields to search.
        language: the list's language code, which picks the stemming.

    Returns:
        On PostgreSQL the matching rows annotated with ``search_rank`` (higher is
        more relevant); elsewhere the rows holding ``query`` in one of ``fields``.
    """
    query = query.strip()
    if not query or not fields:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(
            reduce(or_, (Q(**{f"{name}__icontains": query}) for name in fields))
        )
    # Imported here: it needs a PostgreSQL driver, which an SQLite site may lack.
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = CONFIGS.get(language, "simple")
    vector = SearchVector(
        *(
            Func(
                Coalesce(F(name), Value(""), output_field=TextField()),
                Value(ACCENTED),
                Value(PLAIN),
                function="translate",
                output_field=TextField(),
            )
            for name in fields
        ),
        config=config,
    )
    words = re.findall(r"\w+", fold_accents(query))
    if not words:
        return queryset.none()
    # Every word, stemmed in the list's language, as a prefix: the stemmers do not
    # always bring a singular and its plural to one stem (Dutch "gevangene" and
    # "gevangenen"), and a prefix also finds what is still being typed.
    search = SearchQuery(
        " & ".join(f"{word}:*" for word in words), config=config, search_type="raw"
    )
    return queryset.annotate(
        search_document=vector, **{RANK: SearchRank(vector, search)}
    ).filter(search_document=search)
