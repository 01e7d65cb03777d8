"""Demo content of the casepages app: the cases section in en, nl and fr."""

from ngo_cms.demo import DemoContext, translate, upsert_page

from .models import CaseIndexPage


def load(ctx: DemoContext) -> None:
    """Build the cases section (and, in later issues, the demo case)."""
    t = ctx.catalogue
    index = upsert_page(
        ctx.home,
        CaseIndexPage,
        slug=t("cases", nl="zaken", fr="affaires"),
        title=t("Prisoner cases", nl="Gevangenen", fr="Prisonniers"),
        intro=t.paragraphs(
            t(
                "The people we campaign for, their story and where their case stands today.",
                nl="De mensen voor wie we actievoeren, hun verhaal en hoe hun zaak er vandaag voor staat.",
                fr="Les personnes pour qui nous faisons campagne, leur histoire et l'état actuel de leur dossier.",
            )
        ),
        show_in_menus=True,
    )
    translate(index, t, [ctx.locales["nl"], ctx.locales["fr"]])
    ctx.pages["cases"] = index
