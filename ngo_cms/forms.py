"""Admin form helpers shared by the page types of several apps."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm


class SameLocaleChoicesPageForm(WagtailAdminPageForm):
    """A page form whose relations to translatable snippets offer only the rows of
    the page's own language.

    Without it, a select lists every language's rows mixed together ("Torture"
    twice, "VUB" three times). Pages link to the rows of their source language, and
    translations get them from the source, so the source's language is the only
    useful choice. List the fields in ``same_locale_fields``.
    """

    same_locale_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page else None
        )
        if not locale_id:
            return
        for name in self.same_locale_fields:
            if name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale_id=locale_id)
