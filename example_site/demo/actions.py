"""Demo content of the actions app, in en, nl and fr.

The sections, the urgent action of seed 002 (a petition against the execution of
protesters in Iran) with a few demo signatures, the embassy rally of seed 000 (for
Ahmadreza Djalali, linked to his case when the casepages demo has built it) and the
rallies of seeds 003 and 004 with their reports. Facts come from the seeds; every
sentence is our own.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page

from actions.choices import ActionStatus, RallyStatus
from actions.models import (
    ActionIndexPage,
    Organisation,
    RallyIndexPage,
    RallyPage,
    RallyRelatedAction,
    RallyRelatedCase,
    Signature,
    UrgentActionPage,
)
from casepages.models import Theme
from example_site.demo import (
    Catalogue,
    DemoContext,
    publish,
    stream,
    translate,
    upsert_page,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def load(ctx: DemoContext) -> None:
    """Build the actions and rallies sections and their demo pages."""
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

    case = ctx.pages.get("case:djalali")
    action = load_urgent_action(ctx, actions)
    load_embassy_rally(ctx, rallies, case)
    load_central_station_rally(ctx, rallies, action)
    load_refugee_rally(ctx, rallies)


def _themes(ctx: DemoContext, *slugs: str) -> list[Theme]:
    """The English demo themes with these slugs, if the casepages demo made them."""
    return list(Theme.objects.filter(locale=ctx.locales["en"], slug__in=slugs))


def _finish(ctx: DemoContext, page: Page, key: str) -> Page:
    """Publish the relations set on ``page``, translate it and remember it."""
    page = publish(page)
    translate(page, ctx.catalogue, [ctx.locales["nl"], ctx.locales["fr"]])
    ctx.pages[key] = page
    return page


def _letter(t: Catalogue) -> str:
    return t.paragraphs(
        t(
            "Dear Mr Mohseni Ejei,",
            nl="Geachte heer Mohseni Ejei,",
            fr="Monsieur Mohseni Ejei,",
        ),
        t(
            "I am writing to you because at least 28 people in Iran face the death penalty for taking part in protests. In November, officials said that six of them had been sentenced to death.",
            nl="Ik schrijf u omdat in Iran minstens 28 mensen de doodstraf riskeren omdat ze aan protesten deelnamen. In november maakten de autoriteiten bekend dat zes van hen ter dood waren veroordeeld.",
            fr="Je vous écris parce qu'en Iran, au moins 28 personnes risquent la peine de mort pour avoir pris part à des manifestations. En novembre, les autorités ont annoncé que six d'entre elles avaient été condamnées à mort.",
        ),
        t(
            "None of them received a fair trial. Several say they were tortured, their coerced statements were used against them, and state television broadcast some of them before the hearings began. Three of the accused are children tried as adults, in breach of the Convention on the Rights of the Child.",
            nl="Geen van hen kreeg een eerlijk proces. Verscheidene beklaagden zeggen dat ze gefolterd zijn, hun afgedwongen verklaringen werden tegen hen gebruikt en de staatstelevisie zond er enkele uit nog voor de zittingen begonnen. Drie beklaagden zijn kinderen die als volwassenen berecht worden, in strijd met het Verdrag inzake de rechten van het kind.",
            fr="Aucune de ces personnes n'a bénéficié d'un procès équitable. Plusieurs affirment avoir été torturées, leurs déclarations extorquées ont servi contre elles et la télévision d'État en a diffusé certaines avant même les audiences. Trois des accusés sont des enfants jugés comme des adultes, en violation de la Convention relative aux droits de l'enfant.",
        ),
        t(
            "I ask you to overturn every conviction and death sentence, to stop seeking new ones, and to make sure that anyone still charged is tried fairly, by international standards.",
            nl="Ik vraag u om alle veroordelingen en doodvonnissen te vernietigen, geen nieuwe meer te vorderen en ervoor te zorgen dat wie nog vervolgd wordt een eerlijk proces krijgt volgens internationale normen.",
            fr="Je vous demande d'annuler toutes les condamnations et sentences de mort, de ne plus en requérir de nouvelles et de veiller à ce que toute personne encore poursuivie soit jugée équitablement, selon les normes internationales.",
        ),
        t(
            "Please free everyone held only for speaking out, organising or protesting peacefully, let detainees see their families and the lawyers they choose, and have every report of torture investigated.",
            nl="Laat iedereen vrij die enkel vastzit omdat hij of zij zich uitsprak, zich organiseerde of vreedzaam protesteerde, laat gedetineerden hun familie en een advocaat naar keuze zien, en laat elke melding van foltering onderzoeken.",
            fr="Libérez toutes les personnes détenues uniquement pour s'être exprimées, organisées ou avoir manifesté pacifiquement, permettez aux détenus de voir leur famille et l'avocat de leur choix, et faites enquêter sur chaque allégation de torture.",
        ),
        t(
            "With respect,",
            nl="Hoogachtend,",
            fr="Veuillez agréer mes salutations respectueuses,",
        ),
        t("[name]", nl="[name]", fr="[name]"),
    )


def load_urgent_action(ctx: DemoContext, index: ActionIndexPage) -> UrgentActionPage:
    """The petition of seed 002, open until three months from today."""
    t = ctx.catalogue
    closes_on = timezone.localdate() + datetime.timedelta(days=90)
    page = upsert_page(
        index,
        UrgentActionPage,
        slug=t(
            "iran-stop-executing-protesters",
            nl="iran-stop-executies-van-betogers",
            fr="iran-stop-aux-executions-de-manifestants",
        ),
        title=t(
            "Iran: stop executing protesters",
            nl="Iran: stop de executies van betogers",
            fr="Iran : arrêtez d'exécuter des manifestants",
        ),
        summary=t(
            "At least 28 people, three of them 17-year-old boys, face the death penalty in Iran for joining protests. Ask the head of the judiciary to halt the executions.",
            nl="Minstens 28 mensen, onder wie drie jongens van 17, riskeren in Iran de doodstraf omdat ze meebetoogden. Vraag het hoofd van de rechterlijke macht om de executies te stoppen.",
            fr="Au moins 28 personnes, dont trois garçons de 17 ans, risquent la peine de mort en Iran pour avoir manifesté. Demandez au chef du pouvoir judiciaire d'arrêter les exécutions.",
        ),
        body=stream(
            "action:iran-protesters:body",
            [
                (
                    "heading",
                    t(
                        "Why we act now",
                        nl="Waarom we nu in actie komen",
                        fr="Pourquoi agir maintenant",
                    ),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Since December, the Iranian authorities have put four protesters to death, two of them in January 2023. Dozens more have been sentenced to death in recent months and live in fear of being next.",
                            nl="Sinds december hebben de Iraanse autoriteiten vier betogers terechtgesteld, van wie twee in januari 2023. Tientallen anderen kregen de voorbije maanden de doodstraf en vrezen dat zij de volgenden zijn.",
                            fr="Depuis décembre, les autorités iraniennes ont mis à mort quatre manifestants, dont deux en janvier 2023. Des dizaines d'autres ont été condamnés à mort ces derniers mois et craignent d'être les prochains.",
                        ),
                        t(
                            "Among those at risk are a married couple, three boys aged 17 and the rapper Toomaj Salehi, prosecuted for his songs and his posts in support of freedom.",
                            nl="Onder wie gevaar loopt, zijn een getrouwd koppel, drie jongens van 17 en de rapper Toomaj Salehi, die vervolgd wordt voor zijn nummers en zijn berichten voor vrijheid.",
                            fr="Parmi les personnes menacées figurent un couple marié, trois garçons de 17 ans et le rappeur Toomaj Salehi, poursuivi pour ses chansons et ses messages en faveur de la liberté.",
                        ),
                        t(
                            "We believe the death penalty is being used to frighten people away from the streets. Your signature tells the authorities that the world is watching.",
                            nl="Wij denken dat de doodstraf gebruikt wordt om mensen van straat te houden. Jouw handtekening laat de autoriteiten weten dat de wereld toekijkt.",
                            fr="Nous pensons que la peine de mort sert à dissuader les gens de descendre dans la rue. Votre signature montre aux autorités que le monde les regarde.",
                        ),
                    ),
                ),
            ],
        ),
        addressee_name="Gholamhossein Mohseni Ejei",
        addressee_title=t(
            "Head of the judiciary of Iran",
            nl="Hoofd van de rechterlijke macht van Iran",
            fr="Chef du pouvoir judiciaire iranien",
        ),
        addressee_address=(
            "c/o Embassy of Iran to the European Union\n"
            "Avenue Franklin Roosevelt 15\n1050 Bruxelles\nBelgium"
        ),
        letter=_letter(t),
        opens_at=None,
        closes_at=datetime.datetime.combine(
            closes_on, datetime.time(23, 59), tzinfo=BRUSSELS
        ),
        signature_goal=5000,
        status=ActionStatus.OPEN,
        share_text=t(
            "Iran wants to execute at least 28 protesters, children among them. I signed to stop it: will you?",
            nl="Iran wil minstens 28 betogers terechtstellen, ook kinderen. Ik tekende om dat te stoppen. Jij ook?",
            fr="L'Iran veut exécuter au moins 28 manifestants, dont des enfants. J'ai signé pour l'en empêcher. Et vous ?",
        ),
    )
    page.themes.set(_themes(ctx, "death-penalty", "unfair-trial", "torture"))
    page = _finish(ctx, page, "action:iran-protesters")
    load_demo_signatures(page)
    return page


DEMO_SIGNERS = [
    # first name, last name, country, postcode, locale, consent to contact, days ago
    ("Anna", "Peeters", "BE", "2000", "nl", True, 9),
    ("Lucas", "Janssens", "BE", "9000", "nl", False, 8),
    ("Emma", "de Vries", "NL", "3511", "nl", True, 6),
    ("Camille", "Dubois", "BE", "4000", "fr", True, 7),
    ("Hugo", "Lambert", "FR", "69001", "fr", False, 5),
    ("Léa", "Martin", "LU", "", "fr", True, 3),
    ("Sarah", "Wilson", "GB", "", "en", False, 4),
    ("Jonas", "Becker", "DE", "10115", "en", True, 2),
    ("Nina", "Haddad", "BE", "1050", "en", False, 1),
]


def load_demo_signatures(action: UrgentActionPage) -> None:
    """A few obviously fake signatures in three languages, created once."""
    now = timezone.now()
    for first, last, country, postcode, locale, contact, days_ago in DEMO_SIGNERS:
        email = f"{first}.{last}".lower().replace(" ", "").replace("é", "e")
        Signature.objects.get_or_create(
            translation_key=action.translation_key,
            email=f"{email}@example.org",
            defaults={
                "first_name": first,
                "last_name": last,
                "country": country,
                "postcode": postcode,
                "locale": locale,
                "consent_privacy": True,
                "consent_contact": contact,
                "created_at": now - datetime.timedelta(days=days_ago, hours=days_ago),
                # Demo signers confirmed an hour after signing, so they count.
                "confirmed_at": now
                - datetime.timedelta(days=days_ago, hours=days_ago - 1),
            },
        )


def _next_date(month: int, day: int) -> datetime.date:
    """The next ``day``/``month`` from today (today included)."""
    today = timezone.localdate()
    candidate = datetime.date(today.year, month, day)
    return candidate if candidate >= today else candidate.replace(year=today.year + 1)


def _at(date: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=BRUSSELS)


def load_embassy_rally(
    ctx: DemoContext, index: RallyIndexPage, case: Page | None
) -> RallyPage:
    """Seed 000: a protest at the Iranian embassy for Ahmadreza Djalali."""
    t = ctx.catalogue
    day = _next_date(12, 14)
    page = upsert_page(
        index,
        RallyPage,
        slug=t(
            "protest-iranian-embassy-djalali",
            nl="protest-iraanse-ambassade-djalali",
            fr="protestation-ambassade-iran-djalali",
        ),
        title=t(
            "Protest at the Iranian embassy for Ahmadreza Djalali",
            nl="Protest aan de Iraanse ambassade voor Ahmadreza Djalali",
            fr="Rassemblement devant l'ambassade d'Iran pour Ahmadreza Djalali",
        ),
        summary=t(
            "Amnesty International and the VUB gather at the Iranian embassy to demand freedom for Ahmadreza Djalali, the Iranian-Swedish scholar sentenced to death in Iran.",
            nl="Amnesty International en de VUB verzamelen aan de Iraanse ambassade om de vrijlating te eisen van Ahmadreza Djalali, de Iraans-Zweedse wetenschapper die in Iran ter dood veroordeeld is.",
            fr="Amnesty International et la VUB se rassemblent devant l'ambassade d'Iran pour exiger la libération d'Ahmadreza Djalali, le chercheur irano-suédois condamné à mort en Iran.",
        ),
        body=stream(
            "rally:embassy:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Ahmadreza Djalali, a disaster-medicine researcher who taught at the VUB, has been held in Iran since April 2016. After a trial that fell far short of fairness, he was sentenced to death at the end of October.",
                            nl="Ahmadreza Djalali, onderzoeker in rampengeneeskunde en gastdocent aan de VUB, zit sinds april 2016 vast in Iran. Na een proces dat allesbehalve eerlijk was, kreeg hij eind oktober de doodstraf.",
                            fr="Ahmadreza Djalali, chercheur en médecine de catastrophe et enseignant invité à la VUB, est détenu en Iran depuis avril 2016. Au terme d'un procès loin d'être équitable, il a été condamné à mort fin octobre.",
                        ),
                        t(
                            "We consider him a prisoner of conscience: he is punished for refusing to use his academic contacts to spy for Iran. Come and ask for his immediate, unconditional release.",
                            nl="Voor ons is hij een gewetensgevangene: hij wordt gestraft omdat hij weigerde zijn academische contacten te gebruiken om voor Iran te spioneren. Kom mee zijn onmiddellijke en onvoorwaardelijke vrijlating vragen.",
                            fr="Pour nous, c'est un prisonnier d'opinion : il est puni pour avoir refusé d'utiliser ses contacts universitaires pour espionner au profit de l'Iran. Venez demander sa libération immédiate et sans condition.",
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 18),
        ends_at=_at(day, 19),
        time_zone="Europe/Brussels",
        venue_name=t(
            "Embassy of Iran",
            nl="Ambassade van Iran",
            fr="Ambassade d'Iran",
        ),
        street_address="Franklin Rooseveltlaan 15",
        postcode="1050",
        city=t("Ixelles", nl="Elsene", fr="Ixelles"),
        country="BE",
        latitude=Decimal("50.812900"),
        longitude=Decimal("4.383000"),
        travel_notes=t(
            "An EU summit is held the same day, so expect heavy traffic in central Brussels. Metro and tram are the safest bet; if you come by car, leave early.",
            nl="Dezelfde dag is er een Europese top, dus reken op veel verkeer in het centrum van Brussel. Metro en tram zijn de veiligste keuze; kom je met de auto, vertrek dan vroeger.",
            fr="Un sommet européen a lieu le même jour : attendez-vous à une circulation dense dans le centre de Bruxelles. Le métro et le tram sont le choix le plus sûr ; en voiture, partez plus tôt.",
        ),
        status=RallyStatus.SCHEDULED,
        report=[],
        press_links=[],
    )
    page.organisers.set(
        [
            _organisation(
                ctx,
                t(
                    "Amnesty International Belgium",
                    nl="Amnesty International België",
                    fr="Amnesty International Belgique",
                ),
                "https://www.amnesty.be/",
                t(
                    "The Belgian section of the worldwide human-rights movement.",
                    nl="De Belgische afdeling van de wereldwijde mensenrechtenbeweging.",
                    fr="La section belge du mouvement mondial de défense des droits humains.",
                ),
            ),
            _organisation(
                ctx,
                t(
                    "Vrije Universiteit Brussel (VUB)",
                    nl="Vrije Universiteit Brussel (VUB)",
                    fr="Vrije Universiteit Brussel (VUB)",
                ),
                "https://www.vub.be/",
                t(
                    "The Brussels university where Ahmadreza Djalali was a visiting lecturer.",
                    nl="De Brusselse universiteit waar Ahmadreza Djalali gastdocent was.",
                    fr="L'université bruxelloise où Ahmadreza Djalali était professeur invité.",
                ),
            ),
        ]
    )
    page.related_cases = [RallyRelatedCase(page=case)] if case is not None else []
    return _finish(ctx, page, "rally:embassy")


def _organisation(
    ctx: DemoContext, name: str, website: str, description: str
) -> Organisation:
    """The English Organisation ``name``, created or updated, and translated."""
    organisation = Organisation.objects.filter(
        locale=ctx.locales["en"], name=name
    ).first() or Organisation(locale=ctx.locales["en"], name=name)
    organisation.website = website
    organisation.description = description
    organisation.save()
    translate(organisation, ctx.catalogue, [ctx.locales["nl"], ctx.locales["fr"]])
    return organisation


def _iranian_community(ctx: DemoContext) -> Organisation:
    t = ctx.catalogue
    return _organisation(
        ctx,
        t(
            "Iranian community in Belgium",
            nl="Iraanse gemeenschap in België",
            fr="Communauté iranienne de Belgique",
        ),
        "",
        t(
            "Iranians living in Belgium who campaign against executions and for a democratic Iran.",
            nl="Iraniërs in België die actievoeren tegen executies en voor een democratisch Iran.",
            fr="Des Iraniens vivant en Belgique qui militent contre les exécutions et pour un Iran démocratique.",
        ),
    )


def load_central_station_rally(
    ctx: DemoContext, index: RallyIndexPage, action: UrgentActionPage
) -> RallyPage:
    """Seed 003: the rally of 4 May 2024 at Brussels Central Station, with a report."""
    t = ctx.catalogue
    day = datetime.date(2024, 5, 4)
    page = upsert_page(
        index,
        RallyPage,
        slug=t(
            "brussels-central-station-stop-executions",
            nl="brussel-centraal-stop-executies",
            fr="bruxelles-central-stop-executions",
        ),
        title=t(
            "Stop executions in Iran: rally at Brussels Central Station",
            nl="Stop de executies in Iran: manifestatie aan Brussel-Centraal",
            fr="Stop aux exécutions en Iran : rassemblement à Bruxelles-Central",
        ),
        summary=t(
            "Iranians living in Belgium met outside Central Station to protest against the surge in executions and to defend political prisoners on death row, Toomaj Salehi among them.",
            nl="Iraniërs uit België kwamen samen aan het Centraal Station om te protesteren tegen de golf van executies en op te komen voor politieke gevangenen in de dodencel, onder wie Toomaj Salehi.",
            fr="Des Iraniens de Belgique se sont retrouvés devant la gare Centrale pour dénoncer la vague d'exécutions et défendre les prisonniers politiques condamnés à mort, dont Toomaj Salehi.",
        ),
        body=stream(
            "rally:central-station:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Supporters of the National Council of Resistance of Iran called on Belgium, the European Union and the United Nations to press Tehran to stop the executions and free political prisoners.",
                            nl="Aanhangers van de Nationale Raad van Verzet van Iran riepen België, de Europese Unie en de Verenigde Naties op om Teheran onder druk te zetten: stop de executies en laat politieke gevangenen vrij.",
                            fr="Des partisans du Conseil national de la Résistance iranienne ont appelé la Belgique, l'Union européenne et les Nations unies à faire pression sur Téhéran pour arrêter les exécutions et libérer les prisonniers politiques.",
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 14),
        ends_at=_at(day, 16),
        time_zone="Europe/Brussels",
        venue_name=t(
            "Brussels Central Station",
            nl="Station Brussel-Centraal",
            fr="Gare de Bruxelles-Central",
        ),
        street_address="Carrefour de l'Europe 2",
        postcode="1000",
        city=t("Brussels", nl="Brussel", fr="Bruxelles"),
        country="BE",
        latitude=Decimal("50.845200"),
        longitude=Decimal("4.356900"),
        travel_notes=t(
            "Right outside the station: every train, metro and tram line through the centre stops nearby.",
            nl="Vlak voor het station: alle treinen, metro's en trams door het centrum stoppen vlakbij.",
            fr="Juste devant la gare : tous les trains, métros et trams du centre s'arrêtent à proximité.",
        ),
        status=RallyStatus.TOOK_PLACE,
        report=stream(
            "rally:central-station:report",
            [
                (
                    "heading",
                    t(
                        "What happened",
                        nl="Hoe het verliep",
                        fr="Comment cela s'est passé",
                    ),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Demonstrators carried portraits of Maryam Rajavi, whose council leads the opposition in exile, and of prisoners facing execution, including the rapper Toomaj Salehi. A revolutionary court in Isfahan had sentenced him to death on 24 April 2024.",
                            nl="Betogers droegen portretten van Maryam Rajavi, wier raad de oppositie in ballingschap leidt, en van gevangenen die terechtgesteld dreigen te worden, onder wie rapper Toomaj Salehi. Een revolutionaire rechtbank in Isfahan had hem op 24 april 2024 ter dood veroordeeld.",
                            fr="Les manifestants portaient des portraits de Maryam Rajavi, dont le conseil dirige l'opposition en exil, et de prisonniers menacés d'exécution, dont le rappeur Toomaj Salehi. Un tribunal révolutionnaire d'Ispahan l'avait condamné à mort le 24 avril 2024.",
                        ),
                        t(
                            "The figures they quoted are stark: according to the Iran Human Rights Monitor, 59 people were executed in two weeks, and 72 in April alone.",
                            nl="De cijfers die ze aanhaalden zijn hard: volgens Iran Human Rights Monitor werden 59 mensen terechtgesteld in twee weken, en 72 in april alleen.",
                            fr="Les chiffres cités sont accablants : selon l'Iran Human Rights Monitor, 59 personnes ont été exécutées en deux semaines, et 72 rien qu'en avril.",
                        ),
                        t(
                            "Their demands: annul the death sentence against Toomaj Salehi, protect everyone targeted by the regime, and have the EU list the Revolutionary Guards as a terrorist organisation.",
                            nl="Hun eisen: vernietig het doodvonnis tegen Toomaj Salehi, bescherm iedereen die door het regime geviseerd wordt, en laat de EU de Revolutionaire Garde als terroristische organisatie erkennen.",
                            fr="Leurs revendications : annuler la condamnation à mort de Toomaj Salehi, protéger toutes les personnes visées par le régime et obtenir que l'UE inscrive les Gardiens de la révolution sur sa liste des organisations terroristes.",
                        ),
                    ),
                ),
            ],
        ),
        press_links=stream(
            "rally:central-station:press",
            [
                (
                    "press_link",
                    {
                        "title": t(
                            "Iranian opposition rallies at Central Station",
                            nl="Iraanse oppositie betoogt aan Centraal Station",
                            fr="L'opposition iranienne manifeste à la gare Centrale",
                        ),
                        "publisher": t("BRUZZ", nl="BRUZZ", fr="BRUZZ"),
                        "url": "https://www.bruzz.be/",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t(
                            "Brussels protest against the wave of executions in Iran",
                            nl="Brussels protest tegen de golf van executies in Iran",
                            fr="Manifestation à Bruxelles contre la vague d'exécutions en Iran",
                        ),
                        "publisher": t("La Libre", nl="La Libre", fr="La Libre"),
                        "url": "https://www.lalibre.be/",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t(
                            "Iranians in Belgium call for an end to executions",
                            nl="Iraniërs in België vragen een einde aan de executies",
                            fr="Les Iraniens de Belgique demandent la fin des exécutions",
                        ),
                        "publisher": t("RTL Info", nl="RTL Info", fr="RTL Info"),
                        "url": "https://www.rtl.be/info",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t(
                            "Rally in Brussels for Iran's political prisoners",
                            nl="Manifestatie in Brussel voor de politieke gevangenen van Iran",
                            fr="Rassemblement à Bruxelles pour les prisonniers politiques iraniens",
                        ),
                        "publisher": t("MSN", nl="MSN", fr="MSN"),
                        "url": "https://www.msn.com/",
                        "date": "2024-05-05",
                    },
                ),
            ],
        ),
    )
    page.organisers.set([_iranian_community(ctx)])
    page.related_actions = [RallyRelatedAction(page=action)]
    return _finish(ctx, page, "rally:central-station")


def load_refugee_rally(ctx: DemoContext, index: RallyIndexPage) -> RallyPage:
    """Seed 004: the rally of 21 February 2024 at the Commissariat General."""
    t = ctx.catalogue
    day = datetime.date(2024, 2, 21)
    page = upsert_page(
        index,
        RallyPage,
        slug=t(
            "protect-iranian-refugees-commissariat-general",
            nl="bescherm-iraanse-vluchtelingen-commissariaat-generaal",
            fr="proteger-refugies-iraniens-commissariat-general",
        ),
        title=t(
            "Protect Iranian political refugees in Belgium",
            nl="Bescherm Iraanse politieke vluchtelingen in België",
            fr="Protéger les réfugiés politiques iraniens en Belgique",
        ),
        summary=t(
            "A rally outside the Commissariat General for Refugees against the rise in executions in Iran, and for faster, safer asylum for Iranians who fled.",
            nl="Een manifestatie voor het Commissariaat-generaal voor de Vluchtelingen tegen de stijging van het aantal executies in Iran, en voor een snellere, veiligere asielprocedure voor gevluchte Iraniërs.",
            fr="Un rassemblement devant le Commissariat général aux réfugiés contre la hausse des exécutions en Iran, et pour un asile plus rapide et plus sûr pour les Iraniens qui ont fui.",
        ),
        body=stream(
            "rally:refugees:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Iran carried out at least 860 executions in 2023, over a third more than the year before, and more than 80 in January 2024 alone.",
                            nl="Iran voerde in 2023 minstens 860 executies uit, meer dan een derde meer dan het jaar voordien, en in januari 2024 alleen al meer dan 80.",
                            fr="L'Iran a procédé à au moins 860 exécutions en 2023, plus d'un tiers de plus que l'année précédente, et à plus de 80 rien qu'en janvier 2024.",
                        ),
                        t(
                            "Iranian refugees in Belgium fear the regime's threats abroad, wait ever longer for a decision on their asylum claim, and some sleep rough for lack of shelter.",
                            nl="Iraanse vluchtelingen in België vrezen de dreigingen van het regime in het buitenland, wachten steeds langer op een beslissing over hun asielaanvraag, en sommigen slapen op straat bij gebrek aan opvang.",
                            fr="Les réfugiés iraniens en Belgique craignent les menaces du régime à l'étranger, attendent toujours plus longtemps une décision sur leur demande d'asile, et certains dorment dehors faute d'hébergement.",
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 11),
        ends_at=_at(day, 13),
        time_zone="Europe/Brussels",
        venue_name=t(
            "Commissariat General for Refugees and Stateless Persons",
            nl="Commissariaat-generaal voor de Vluchtelingen en de Staatlozen",
            fr="Commissariat général aux réfugiés et aux apatrides",
        ),
        street_address="Rue Ernest Blerot 39",
        postcode="1070",
        city=t("Anderlecht", nl="Anderlecht", fr="Anderlecht"),
        country="BE",
        latitude=None,
        longitude=None,
        travel_notes="",
        status=RallyStatus.TOOK_PLACE,
        report=stream(
            "rally:refugees:report",
            [
                (
                    "heading",
                    t(
                        "What happened",
                        nl="Hoe het verliep",
                        fr="Comment cela s'est passé",
                    ),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Father Danial of the Beguinage church joined the crowd, praised the work of the Iranian resistance in exposing the regime's crimes, and spoke up for the right of Iranian refugees to asylum.",
                            nl="Pater Danial van de Begijnhofkerk sloot zich bij de betogers aan, prees het werk van het Iraanse verzet om de misdaden van het regime bloot te leggen, en kwam op voor het asielrecht van Iraanse vluchtelingen.",
                            fr="Le père Danial, de l'église du Béguinage, s'est joint aux manifestants, a salué le travail de la résistance iranienne pour révéler les crimes du régime et a défendu le droit d'asile des réfugiés iraniens.",
                        ),
                        t(
                            "Refugees then took turns to describe what the regime had done to them and their families.",
                            nl="Daarna vertelden vluchtelingen om beurten wat het regime hen en hun families had aangedaan.",
                            fr="Des réfugiés ont ensuite pris la parole tour à tour pour raconter ce que le régime leur avait fait subir, à eux et à leurs familles.",
                        ),
                        t(
                            "A delegation of the two associations met a diplomatic representative and a senior adviser of the Belgian minister for asylum and migration, who listened to their call to keep asylum seekers safe.",
                            nl="Een delegatie van de twee verenigingen sprak met een diplomatieke vertegenwoordiger en een hoge adviseur van de Belgische minister van Asiel en Migratie, die hun oproep om asielzoekers te beschermen aanhoorden.",
                            fr="Une délégation des deux associations a rencontré un représentant diplomatique et un conseiller principal de la ministre belge de l'Asile et de la Migration, qui ont entendu leur appel à protéger les demandeurs d'asile.",
                        ),
                    ),
                ),
            ],
        ),
        press_links=[],
    )
    page.organisers.set(
        [
            _iranian_community(ctx),
            _organisation(
                ctx,
                t(
                    "International Freedom of Speech Alliance",
                    nl="International Freedom of Speech Alliance",
                    fr="International Freedom of Speech Alliance",
                ),
                "",
                t(
                    "An alliance that defends free expression for Iranians at home and in exile.",
                    nl="Een alliantie die de vrije meningsuiting van Iraniërs in eigen land en in ballingschap verdedigt.",
                    fr="Une alliance qui défend la liberté d'expression des Iraniens, au pays comme en exil.",
                ),
            ),
            _organisation(
                ctx,
                t(
                    "International Association of Culture and Human Rights",
                    nl="Internationale Vereniging voor Cultuur en Mensenrechten",
                    fr="Association internationale pour la culture et les droits humains",
                ),
                "",
                t(
                    "An association of Iranians in Europe working on culture and human rights.",
                    nl="Een vereniging van Iraniërs in Europa die werkt rond cultuur en mensenrechten.",
                    fr="Une association d'Iraniens d'Europe active dans la culture et les droits humains.",
                ),
            ),
        ]
    )
    return _finish(ctx, page, "rally:refugees")
