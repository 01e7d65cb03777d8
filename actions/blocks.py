"""Stream blocks of the actions app: press coverage of a rally."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from casepages.blocks import SynchronisedURLBlock


class PressLinkBlock(blocks.StructBlock):
    """One article about a rally: its title, who published it, where and when.

    The title and publisher are translated; the address and date are copied from the
    source page (wagtail-localize leaves date blocks alone, and the address is a
    ``SynchronisedURLBlock``, which translators cannot override).
    """

    title = blocks.CharBlock(label=_("title"), max_length=255)
    publisher = blocks.CharBlock(
        label=_("publisher"),
        max_length=120,
        help_text=_("The newspaper, broadcaster or website, e.g. “BRUZZ”."),
    )
    url = SynchronisedURLBlock(label=_("web address"))
    date = blocks.DateBlock(label=_("date"), required=False)

    class Meta:
        icon = "link"
        label = _("press link")

    def get_api_representation(self, value: Any, context: Any = None) -> dict:
        return {
            "title": value["title"],
            "publisher": value["publisher"],
            "url": value["url"],
            "date": value["date"].isoformat() if value["date"] else None,
        }


class PressLinksBlock(blocks.StreamBlock):
    """The press coverage of a rally, in the order editors list it."""

    press_link = PressLinkBlock()
