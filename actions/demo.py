"""Demo content of the actions app: the actions and rallies sections in en, nl and fr."""

from ngo_cms.demo import DemoContext, translate, upsert_page

from .models import ActionIndexPage, RallyIndexPage


def load(ctx: DemoContext) -> None:
    """Build the actions and rallies sections."""
    t = ctx.catalogue
    targets = [ctx.locales["nl"], ctx.locales["fr"]]
    actions = upsert_page(
        ctx.home,
        ActionIndexPage,
        slug=t("actions", nl="acties", fr="agir"),
        title=t("Urgent actions", nl="Dringende acties", fr="Actions urgentes"),
        intro=t.paragraphs(
            t(
                "Add your name to a petition: every signature in every language counts towards the same goal.",
                nl="Zet je naam onder een petitie: elke handtekening, in elke taal, telt mee voor hetzelfde doel.",
                fr="Signez une pétition : chaque signature, dans chaque langue, compte pour le même objectif.",
            )
        ),
        show_in_menus=True,
    )
    translate(actions, t, targets)
    ctx.pages["actions"] = actions

    rallies = upsert_page(
        ctx.home,
        RallyIndexPage,
        slug=t("rallies", nl="manifestaties", fr="rassemblements"),
        title=t("Rallies", nl="Manifestaties", fr="Rassemblements"),
        intro=t.paragraphs(
            t(
                "Vigils and protests where we show up in person, and reports from the ones that took place.",
                nl="Wakes en protesten waar we zelf aanwezig zijn, en verslagen van de acties die al plaatsvonden.",
                fr="Veillées et manifestations où nous sommes présents en personne, et comptes rendus de celles qui ont eu lieu.",
            )
        ),
        show_in_menus=True,
    )
    translate(rallies, t, targets)
    ctx.pages["rallies"] = rallies
