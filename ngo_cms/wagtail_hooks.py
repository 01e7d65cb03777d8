"""Admin and rich-text hooks of the shared ngo_cms app."""

from django.urls import path
from wagtail import hooks

from . import translation_guards
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
    """The enrolment and code pages of the admin's second factor (with django-otp
    installed; the system check ngo_cms.W003 tells a host without it)."""
    from django.apps import apps

    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return []
    from django.urls import path

    from . import accounts

    return [
        path("two-factor/setup/", accounts.setup, name=accounts.SETUP_URL_NAME),
        path("two-factor/verify/", accounts.verify, name=accounts.VERIFY_URL_NAME),
    ]


# order=-10: before wagtail-localize's hooks, which answer the request themselves.
@hooks.register("before_edit_page", order=-10)
def confirm_publishing_page_with_missing_translations(request, page):
    """A translation with untranslated segments is published only when confirmed."""
    return translation_guards.refuse_unconfirmed_publish(request, page)


# order=-11: the translation editor's "Save draft" and "Submit for review" buttons.
@hooks.register("before_edit_page", order=-11)
def hand_over_translation(request, page):
    """A translator saves a draft or submits for review from the translation editor."""
    from .translation_editor import hand_over

    return hand_over(request, page)


@hooks.register("before_edit_snippet", order=-10)
def confirm_publishing_snippet_with_missing_translations(request, instance):
    return translation_guards.refuse_unconfirmed_publish(request, instance)


@hooks.register("register_admin_urls")
def register_translation_guard_urls() -> list:
    """wagtail-localize's translation endpoints, with the language of a snippet row
    checked (``translation_guards.own_language_rows_only``); its PO upload, wrapped
    to name the refused placeholders; and the "keep the source text" action of the
    translation editor.

    Same paths as wagtail-localize's own routes: ngo_cms comes first in
    INSTALLED_APPS, so its admin URLs are matched first.
    """
    from wagtail_localize.views import edit_translation as localize

    guard = translation_guards.own_language_rows_only
    prefix = "localize/translate/<int:translation_id>/"
    return [
        path(
            prefix + "strings/<int:string_segment_id>/edit/",
            guard(localize.edit_string_translation),
            name="ngo_cms_edit_string_translation",
        ),
        path(
            prefix + "overrides/<int:overridable_segment_id>/edit/",
            guard(localize.edit_override),
            name="ngo_cms_edit_override",
        ),
        path(
            prefix + "pofile/download/",
            guard(localize.download_pofile),
            name="ngo_cms_download_pofile",
        ),
        path(
            prefix + "pofile/upload/",
            guard(translation_guards.upload_pofile),
            name="ngo_cms_upload_pofile",
        ),
        path(
            prefix + "machine_translate/",
            guard(localize.machine_translate),
            name="ngo_cms_machine_translate",
        ),
        path(
            prefix + "disable/",
            guard(localize.stop_translation),
            name="ngo_cms_stop_translation",
        ),
        path(
            prefix + "copy-source/",
            guard(translation_guards.copy_source),
            name="ngo_cms_copy_source",
        ),
    ]


# The translators' queue, its dashboard panel and the snippet rights per language.
from ngo_cms import translation_hooks  # noqa: E402, F401
