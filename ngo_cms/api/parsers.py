"""A JSON parser that answers a translated 400 for every body it cannot read.

DRF's own parser turns invalid JSON into a ParseError, but a deeply nested body
(100,000 ``[``) makes Python's decoder raise ``RecursionError``, which would be a
500. Bodies are small (signing, confirming): nesting is never legitimate.
"""

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    """DRF's JSONParser, with a ParseError for any body it cannot decode."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: dict[str, Any] | None = None,
    ) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except (RecursionError, UnicodeDecodeError) as error:
            raise ParseError from error
