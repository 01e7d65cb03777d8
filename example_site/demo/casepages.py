"""Demo content of the casepages app: the cases section, the campaign themes and the
case of Ahmadreza Djalali, in en, nl and fr.

The facts of the case (names, dates, places, figures) come from public reporting; the
wording is ours. The sources point at the publishers' home pages, not at invented
deep links.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

from casepages.choices import CaseStatus, DatePrecision, TimelineEventKind
from casepages.models import CaseIndexPage, PrisonerCasePage, Theme
from example_site.demo import Catalogue, DemoContext, stream, translate, upsert_page

PORTRAIT_TITLE = "Demo portrait placeholder: Ahmadreza Djalali"
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
K = TimelineEventKind


def load(ctx: DemoContext) -> None:
    """Build the cases section, the themes and the demo case."""
    t = ctx.catalogue
    targets = [ctx.locales["nl"], ctx.locales["fr"]]
    index = upsert_page(
        ctx.home,
        CaseIndexPage,
        slug=t("cases"),
        title=t("Prisoner cases"),
        intro=t.paragraphs(
            t(
                "The people we campaign for, their story and where their case stands today."
            )
        ),
        show_in_menus=True,
    )
    translate(index, t, targets)
    ctx.pages["cases"] = index

    themes = load_themes(ctx)
    # The actions demo reuses the themes: by slug here, or from the database.
    ctx.themes = themes  # type: ignore[attr-defined]

    page = load_djalali(ctx, index)
    page.themes.set(
        [
            themes[slug]
            for slug in ("death-penalty", "academic-freedom", "unfair-trial", "torture")
        ]
    )
    page.save_revision().publish()
    page.refresh_from_db()
    translate(page, t, targets)
    ctx.pages["case:djalali"] = page


def load_themes(ctx: DemoContext) -> dict[str, Theme]:
    """The five demo themes in English, translated into nl and fr.

    Returns:
        The English themes by English slug.
    """
    t = ctx.catalogue
    definitions = [
        (
            t("death-penalty"),
            t("Death penalty"),
            t("People sentenced to death or at risk of execution."),
        ),
        (
            t("academic-freedom"),
            t("Academic freedom"),
            t(
                "Scholars and students punished for their research, teaching or international contacts."
            ),
        ),
        (
            t("unfair-trial"),
            t("Unfair trial"),
            t(
                "Trials without a lawyer of one’s choice, access to the file or a public hearing."
            ),
        ),
        (
            t("torture"),
            t("Torture"),
            t(
                "Torture and ill-treatment in custody, including forced confessions and prolonged solitary confinement."
            ),
        ),
        (
            t("freedom-of-expression"),
            t("Freedom of expression"),
            t("People jailed for what they said, wrote, published or shared."),
        ),
    ]
    themes = {}
    for slug, name, description in definitions:
        theme = Theme.objects.filter(locale=ctx.locales["en"], slug=slug).first()
        if theme is None:
            theme = Theme(locale=ctx.locales["en"], slug=slug)
        theme.name = name
        theme.description = description
        theme.save()
        translate(theme, t, [ctx.locales["nl"], ctx.locales["fr"]])
        themes[slug] = theme
    return themes


def demo_portrait() -> Image:
    """A generated placeholder portrait (initials on grey), created once.

    The demo ships no photo of a real person; this stands in for one.
    """
    existing = Image.objects.filter(title=PORTRAIT_TITLE).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (480, 600), (92, 102, 112))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((140, 110, 340, 310), fill=(200, 204, 208))
    draw.rounded_rectangle((90, 340, 390, 600), radius=90, fill=(200, 204, 208))
    draw.text((222, 200), "AD", fill=(40, 44, 48))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=PORTRAIT_TITLE,
        file=ImageFile(buffer, name="demo-portrait-djalali.png"),
    )


def event(
    date: str, precision: str, kind: str, title: str, text: str
) -> dict[str, str]:
    """The raw value of one timeline event."""
    return {
        "date": date,
        "date_precision": precision,
        "kind": kind,
        "title": title,
        "text": text,
    }


def source(title: str, publisher: str, url: str, date: str | None = None) -> dict:
    """The raw value of one source."""
    return {"title": title, "publisher": publisher, "url": url, "date": date}


def update(date: str, precision: str, text: str) -> dict[str, str]:
    """The raw value of one case update."""
    return {"date": date, "date_precision": precision, "text": text}


def load_djalali(ctx: DemoContext, index: CaseIndexPage) -> PrisonerCasePage:
    """The English case page of Ahmadreza Djalali, created or updated in place."""
    t = ctx.catalogue
    page = upsert_page(
        index,
        PrisonerCasePage,
        slug=t("ahmadreza-djalali"),
        title=t("Ahmadreza Djalali"),
        name_original_script="احمدرضا جلالی",
        portrait=demo_portrait(),
        portrait_alt_text=t(
            "Placeholder portrait: a grey silhouette marked with the initials AD."
        ),
        photo_credit=t("Placeholder image made for the demo"),
        born_on="1971-09-15",
        nationalities=["IR", "SE"],
        occupation=t("Disaster medicine doctor, lecturer and researcher"),
        country_of_detention="IR",
        status=CaseStatus.SENTENCED_TO_DEATH,
        # The sources give the month of the arrest, not the day.
        detained_since="2016-04-01",
        place_of_detention=t("Evin prison, Tehran"),
        charges=t(
            "Espionage and collaboration with Israel, prosecuted as “corruption on earth” (ifsad fil-arz). [1] [3]"
        ),
        sentence=t(
            "Death, pronounced on 21 October 2017 and confirmed by the Supreme Court in December 2017 without hearing the defence. [1] [13]"
        ),
        summary=t(
            "A Swedish-Iranian emergency medicine researcher who taught in Sweden, Italy and Belgium. Arrested during a work visit to Iran in April 2016, he was sentenced to death for espionage after a trial the UN calls arbitrary, and his health is failing."
        ),
        body=stream("case:djalali:body", body_blocks(t)),
        timeline=stream("case:djalali:timeline", timeline_events(t)),
        sources=stream("case:djalali:sources", sources(t)),
        updates=stream("case:djalali:updates", updates(t)),
    )
    return page


def body_blocks(t: Catalogue) -> list[tuple[str, object]]:
    """The body of the case: who he is, the arrest and trial, health, the response."""
    return [
        ("heading", t("Who he is")),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Ahmadreza Djalali, born in 1971, is a physician who specialises in medicine for disasters and emergencies. He earned his doctorate at the Karolinska Institute in Stockholm and went on to teach and do research at universities in Novara, Italy, and at the Vrije Universiteit Brussel. He also worked with Iranian universities and with colleagues across the world. [2]"
                )
            ),
        ),
        (
            "heading",
            t("Arrest, trial and sentence"),
        ),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Invited to Iran by the universities of Tehran and Shiraz, he was detained in April 2016 by agents of the Ministry of Intelligence, who showed no warrant. For ten days his family did not know where he was held. He then spent seven months in section 209 of Evin prison, three of them alone in a cell. [1] [2]"
                ),
                t(
                    "A Revolutionary Court in Tehran sentenced him to death on 21 October 2017. His lawyer had been kept out of the hearing and he never saw the evidence against him. [3] [1]"
                ),
            ),
        ),
        ("heading", t("His health")),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "Tests in 2018 found a low white blood cell count. A prison doctor asked in 2019 for him to see a haematologist in hospital; the authorities refused, and the follow-up never took place. He is reported to weigh 24 kg less than at his arrest. The World Medical Association has told the Iranian authorities that his treatment breaches medical ethics. [6] [7]"
                )
            ),
        ),
        (
            "heading",
            t("The international response"),
        ),
        (
            "paragraph",
            t.paragraphs(
                t(
                    "In its opinion 92/2017, the UN Working Group on Arbitrary Detention found that holding him breaks the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights, and asked for his immediate release with compensation. UN experts repeated that call in February 2018. [4] [5]"
                ),
                t(
                    "In December 2018, 121 Nobel laureates wrote to Ayatollah Ali Khamenei asking for medical care and his release. Universities in Belgium, Italy and Sweden, the European University Association and Scholars at Risk have written to the Iranian authorities, and the Flemish universities put their cooperation with Iranian institutions on hold. [8] [9] [10] [11] [12]"
                ),
            ),
        ),
    ]


def timeline_events(t: Catalogue) -> list[tuple[str, dict]]:
    """From the arrest in April 2016 to the latest news of March 2020."""
    events = [
        event(
            "2016-04-01",
            MONTH,
            K.ARREST,
            t("Arrested during a visit to Iran"),
            t(
                "Agents of the Ministry of Intelligence detain him without a warrant while he is in Iran at the invitation of the universities of Tehran and Shiraz. His family learns only ten days later where he is. [1] [2]"
            ),
        ),
        event(
            "2016-04-01",
            MONTH,
            K.CHARGE,
            t("Accused of spying for Israel"),
            t(
                "About two weeks after the arrest he is accused of espionage and collaboration with Israel, on the strength of a letter said to come from his wife. [1]"
            ),
        ),
        event(
            "2016-04-01",
            MONTH,
            K.TRANSFER,
            t("Moved to section 209 of Evin prison"),
            t(
                "After about a week in an unknown place he is taken to section 209 of Evin prison. He stays there seven months, the first three in solitary confinement and the rest in partial isolation. [1]"
            ),
        ),
        event(
            "2017-01-31",
            DAY,
            K.CHARGE,
            t("Formally charged before the Revolutionary Court"),
            t(
                "Branch 15 of the Revolutionary Court in Tehran charges him with espionage and warns him that he may face the death penalty. His lawyer is kept out and he cannot read his case file. [3]"
            ),
        ),
        event(
            "2017-09-18",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t("UN working group writes to Iran"),
            t(
                "The UN Working Group on Arbitrary Detention sends the allegations to the Iranian government and asks for its comments. None come. [4]"
            ),
        ),
        event(
            "2017-10-21",
            DAY,
            K.SENTENCE,
            t("Sentenced to death"),
            t(
                "He is sentenced to death for “corruption on earth” and kept in Evin prison. [1]"
            ),
        ),
        event(
            "2017-10-31",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t("Three universities write to Iran’s judiciary"),
            t(
                "The Università del Piemonte Orientale, the Karolinska Institute and the Vrije Universiteit Brussel ask the head of the judiciary, Sadegh Larijani, to free him, citing his reputation and freedom of expression. [12]"
            ),
        ),
        event(
            "2017-11-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t("UN opinion 92/2017: the detention is arbitrary"),
            t(
                "At its eightieth session, held from 20 to 24 November, the working group adopts opinion 92/2017: he must be freed at once and compensated. Iran does not respond. [4]"
            ),
        ),
        event(
            "2017-11-13",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t("European University Association writes to the Supreme Leader"),
            t(
                "The EUA asks for the death sentence to be reversed and for his immediate release, and voices its concern for him and his family. [10]"
            ),
        ),
        event(
            "2017-12-01",
            MONTH,
            K.APPEAL,
            t("Supreme Court upholds the sentence"),
            t(
                "In a hurried, secret procedure that allows no submissions from the defence, the Supreme Court confirms the death sentence. [13]"
            ),
        ),
        event(
            "2017-12-01",
            MONTH,
            K.STATEMENT,
            t("Forced confession on state television"),
            t(
                "Five days after the ruling, state television airs a confession. He says he read a prepared text under threat, after being told it was the only way out of solitary confinement. [13]"
            ),
        ),
        event(
            "2018-01-01",
            YEAR,
            K.HEALTH,
            t("Blood tests show a low white cell count"),
            t(
                "Tests done in prison point to a low white blood cell count; his health has been declining since the arrest. [6]"
            ),
        ),
        event(
            "2018-01-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t("Scholars at Risk launches #SaveAhmad"),
            t(
                "The network starts a social-media campaign urging institutions to press for his release. [9]"
            ),
        ),
        event(
            "2018-02-09",
            DAY,
            K.INTERNATIONAL_RESPONSE,
            t("UN experts call for the sentence to be lifted"),
            t(
                "UN human rights experts urge Iran, for the second time, to annul the death sentence. [5] [3]"
            ),
        ),
        event(
            "2018-04-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t("Flemish universities suspend cooperation"),
            t(
                "The Flemish Interuniversity Council puts academic cooperation with Iranian institutions on hold and asks that he receive medical care. [11]"
            ),
        ),
        event(
            "2018-12-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t("Letter from 121 Nobel laureates"),
            t(
                "121 Nobel laureates write to Ayatollah Ali Khamenei asking that he be given medical care and set free. [8]"
            ),
        ),
        event(
            "2019-01-01",
            YEAR,
            K.HEALTH,
            t("Hospital referral refused"),
            t(
                "A doctor who examines him in Evin prison early in the year recommends a haematologist in hospital. The request is turned down and the follow-up never happens. [6] [7]"
            ),
        ),
        event(
            "2019-07-29",
            DAY,
            K.TRANSFER,
            t("Taken to a secret location"),
            t(
                "He is moved from Evin prison to an undisclosed place for about ten days, tortured and threatened with execution to extract further confessions, then returned to Evin. [1] [14]"
            ),
        ),
        event(
            "2020-03-01",
            MONTH,
            K.INTERNATIONAL_RESPONSE,
            t("Scholars at Risk asks for his release in the pandemic"),
            t(
                "With COVID-19 spreading, the network writes to the Iranian authorities that his health makes an unconditional release urgent. [15]"
            ),
        ),
        event(
            "2020-03-01",
            MONTH,
            K.OTHER,
            t("Left out of the pandemic prisoner release"),
            t(
                "Iran lets some 85,000 prisoners out to curb COVID-19, political prisoners among them, but he is not one of them. [17]"
            ),
        ),
    ]
    return [("event", value) for value in events]


def sources(t: Catalogue) -> list[tuple[str, dict]]:
    """The numbered sources: their order gives the numbers the texts cite."""
    ohchr = t("UN Human Rights Office (OHCHR)")
    amnesty = t("Amnesty International")
    sar = t("Scholars at Risk")
    vub = t("Vrije Universiteit Brussel")
    values = [
        source(
            t("Ahmadreza Djalali: case file and urgent actions"),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t("Ahmadreza Djalali, guest professor at the VUB"),
            vub,
            "https://www.vub.be/",
        ),
        source(
            t("UN experts’ first appeal to Iran to annul the death sentence (2017)"),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t("Opinion No. 92/2017 of the Working Group on Arbitrary Detention"),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t("UN experts urge Iran to lift the death sentence"),
            ohchr,
            "https://www.ohchr.org/",
            "2018-02-09",
        ),
        source(
            t("Concerns about his health in Evin prison"),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t("Letter of the WMA president to the Iranian authorities"),
            t("World Medical Association"),
            "https://www.wma.net/",
        ),
        source(
            t("Open letter of 121 Nobel laureates to Ayatollah Ali Khamenei"),
            "",
            "",
        ),
        source(
            t("The #SaveAhmad campaign"),
            sar,
            "https://www.scholarsatrisk.org/",
        ),
        source(
            t("Letter of the EUA to the Supreme Leader of Iran"),
            t("European University Association"),
            "https://eua.eu/",
            "2017-11-13",
        ),
        source(
            t("Flemish universities put cooperation with Iranian institutions on hold"),
            t("Flemish Interuniversity Council (VLIR)"),
            "https://www.vlir.be/",
        ),
        source(
            t("Letter of three universities to the head of Iran’s judiciary"),
            vub,
            "https://www.vub.be/",
            "2017-10-31",
        ),
        source(
            t(
                "Special Rapporteur’s 2020 report on human rights in the Islamic Republic of Iran"
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t(
                "Annual report of the High Commissioner on the Islamic Republic of Iran (2020)"
            ),
            ohchr,
            "https://www.ohchr.org/",
        ),
        source(
            t("Letter calling for his release during the COVID-19 pandemic"),
            sar,
            "https://www.scholarsatrisk.org/",
        ),
        source(
            t("Nowruz 2020 action for prisoners of conscience in Iran"),
            amnesty,
            "https://www.amnesty.org/",
        ),
        source(
            t("Temporary release of prisoners during the COVID-19 outbreak"),
            t("Iran Human Rights"),
            "https://iranhr.net/",
        ),
    ]
    return [("source", value) for value in values]


def updates(t: Catalogue) -> list[tuple[str, dict]]:
    """The latest news of the case (the page puts them newest first)."""
    values = [
        update(
            "2020-03-01",
            MONTH,
            t(
                "Amnesty International makes his case one of seven in its Nowruz 2020 action for prisoners of conscience in Iran. [16]"
            ),
        ),
        update(
            "2020-03-01",
            MONTH,
            t(
                "He is not among the roughly 85,000 prisoners Iran let out because of COVID-19. [17]"
            ),
        ),
        update(
            "2020-01-01",
            YEAR,
            t(
                "The UN High Commissioner’s 2020 report records his transfer of July 2019 and the medical treatment he has been denied. [14]"
            ),
        ),
        update(
            "2020-01-01",
            YEAR,
            t(
                "The 2020 report of the UN Special Rapporteur on Iran cites his televised forced confession. [13]"
            ),
        ),
    ]
    return [("update", value) for value in values]
