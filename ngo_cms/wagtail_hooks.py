"""Admin and rich-text hooks of the shared ngo_cms app."""

from wagtail import hooks

from .rich_text import PublicPageLinkHandler


# order=1: after Wagtail's own hook, which registers the default page link handler.
@hooks.register("register_rich_text_features", order=1)
def register_public_page_links(features) -> None:
    """Rich-text links to drafts and private pages give readers no address."""
    features.register_link_type(PublicPageLinkHandler)


@hooks.register("register_log_actions")
def register_export_log_action(actions) -> None:
    """Exports of signatures appear in the audit log (``ngo_cms.audit``)."""
    from .audit import register_log_actions

    register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_second_factor_urls() -> list:
    """The enrolment and code pages of the admin's second factor."""
    from django.urls import path

    from . import accounts

    return [
        path("two-factor/setup/", accounts.setup, name=accounts.SETUP_URL_NAME),
        path("two-factor/verify/", accounts.verify, name=accounts.VERIFY_URL_NAME),
    ]
