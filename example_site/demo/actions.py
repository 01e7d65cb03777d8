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
        slug=t("actions"),
        title=t("Urgent actions"),
        intro=t.paragraphs(
            t(
                "Add your name to a petition: every signature in every language counts towards the same goal."
            )
        ),
        show_in_menus=True,
    )
    translate(actions, t, targets)
    ctx.pages["actions"] = actions

    rallies = upsert_page(
        ctx.home,
        RallyIndexPage,
        slug=t("rallies"),
        title=t("Rallies"),
        intro=t.paragraphs(
            t(
                "Vigils and protests where we show up in person, and reports from the ones that took place."
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
        t("Dear Mr Mohseni Ejei,"),
        t(
            "I am writing to you because at least 28 people in Iran face the death penalty for taking part in protests. In November, officials said that six of them had been sentenced to death."
        ),
        t(
            "None of them received a fair trial. Several say they were tortured, their coerced statements were used against them, and state television broadcast some of them before the hearings began. Three of the accused are children tried as adults, in breach of the Convention on the Rights of the Child."
        ),
        t(
            "I ask you to overturn every conviction and death sentence, to stop seeking new ones, and to make sure that anyone still charged is tried fairly, by international standards."
        ),
        t(
            "Please free everyone held only for speaking out, organising or protesting peacefully, let detainees see their families and the lawyers they choose, and have every report of torture investigated."
        ),
        t("With respect,"),
        t("[name]"),
    )


def load_urgent_action(ctx: DemoContext, index: ActionIndexPage) -> UrgentActionPage:
    """The petition of seed 002, open until three months from today."""
    t = ctx.catalogue
    closes_on = timezone.localdate() + datetime.timedelta(days=90)
    page = upsert_page(
        index,
        UrgentActionPage,
        slug=t("iran-stop-executing-protesters"),
        title=t("Iran: stop executing protesters"),
        summary=t(
            "At least 28 people, three of them 17-year-old boys, face the death penalty in Iran for joining protests. Ask the head of the judiciary to halt the executions."
        ),
        body=stream(
            "action:iran-protesters:body",
            [
                (
                    "heading",
                    t("Why we act now"),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Since December, the Iranian authorities have put four protesters to death, two of them in January 2023. Dozens more have been sentenced to death in recent months and live in fear of being next."
                        ),
                        t(
                            "Among those at risk are a married couple, three boys aged 17 and the rapper Toomaj Salehi, prosecuted for his songs and his posts in support of freedom."
                        ),
                        t(
                            "We believe the death penalty is being used to frighten people away from the streets. Your signature tells the authorities that the world is watching."
                        ),
                    ),
                ),
            ],
        ),
        addressee_name="Gholamhossein Mohseni Ejei",
        addressee_title=t("Head of the judiciary of Iran"),
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
            "Iran wants to execute at least 28 protesters, children among them. I signed to stop it: will you?"
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
        slug=t("protest-iranian-embassy-djalali"),
        title=t("Protest at the Iranian embassy for Ahmadreza Djalali"),
        summary=t(
            "Amnesty International and the VUB gather at the Iranian embassy to demand freedom for Ahmadreza Djalali, the Iranian-Swedish scholar sentenced to death in Iran."
        ),
        body=stream(
            "rally:embassy:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Ahmadreza Djalali, a disaster-medicine researcher who taught at the VUB, has been held in Iran since April 2016. After a trial that fell far short of fairness, he was sentenced to death at the end of October."
                        ),
                        t(
                            "We consider him a prisoner of conscience: he is punished for refusing to use his academic contacts to spy for Iran. Come and ask for his immediate, unconditional release."
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 18),
        ends_at=_at(day, 19),
        time_zone="Europe/Brussels",
        venue_name=t("Embassy of Iran"),
        street_address="Franklin Rooseveltlaan 15",
        postcode="1050",
        city=t("Ixelles"),
        country="BE",
        latitude=Decimal("50.812900"),
        longitude=Decimal("4.383000"),
        travel_notes=t(
            "An EU summit is held the same day, so expect heavy traffic in central Brussels. Metro and tram are the safest bet; if you come by car, leave early."
        ),
        status=RallyStatus.SCHEDULED,
        report=[],
        press_links=[],
    )
    page.organisers.set(
        [
            _organisation(
                ctx,
                t("Amnesty International Belgium"),
                "https://www.amnesty.be/",
                t("The Belgian section of the worldwide human-rights movement."),
            ),
            _organisation(
                ctx,
                t("Vrije Universiteit Brussel (VUB)"),
                "https://www.vub.be/",
                t(
                    "The Brussels university where Ahmadreza Djalali was a visiting lecturer."
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
        t("Iranian community in Belgium"),
        "",
        t(
            "Iranians living in Belgium who campaign against executions and for a democratic Iran."
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
        slug=t("brussels-central-station-stop-executions"),
        title=t("Stop executions in Iran: rally at Brussels Central Station"),
        summary=t(
            "Iranians living in Belgium met outside Central Station to protest against the surge in executions and to defend political prisoners on death row, Toomaj Salehi among them."
        ),
        body=stream(
            "rally:central-station:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Supporters of the National Council of Resistance of Iran called on Belgium, the European Union and the United Nations to press Tehran to stop the executions and free political prisoners."
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 14),
        ends_at=_at(day, 16),
        time_zone="Europe/Brussels",
        venue_name=t("Brussels Central Station"),
        street_address="Carrefour de l'Europe 2",
        postcode="1000",
        city=t("Brussels"),
        country="BE",
        latitude=Decimal("50.845200"),
        longitude=Decimal("4.356900"),
        travel_notes=t(
            "Right outside the station: every train, metro and tram line through the centre stops nearby."
        ),
        status=RallyStatus.TOOK_PLACE,
        report=stream(
            "rally:central-station:report",
            [
                (
                    "heading",
                    t("What happened"),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Demonstrators carried portraits of Maryam Rajavi, whose council leads the opposition in exile, and of prisoners facing execution, including the rapper Toomaj Salehi. A revolutionary court in Isfahan had sentenced him to death on 24 April 2024."
                        ),
                        t(
                            "The figures they quoted are stark: according to the Iran Human Rights Monitor, 59 people were executed in two weeks, and 72 in April alone."
                        ),
                        t(
                            "Their demands: annul the death sentence against Toomaj Salehi, protect everyone targeted by the regime, and have the EU list the Revolutionary Guards as a terrorist organisation."
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
                        "title": t("Iranian opposition rallies at Central Station"),
                        "publisher": t("BRUZZ"),
                        "url": "https://www.bruzz.be/",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t(
                            "Brussels protest against the wave of executions in Iran"
                        ),
                        "publisher": t("La Libre"),
                        "url": "https://www.lalibre.be/",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t("Iranians in Belgium call for an end to executions"),
                        "publisher": t("RTL Info"),
                        "url": "https://www.rtl.be/info",
                        "date": "2024-05-04",
                    },
                ),
                (
                    "press_link",
                    {
                        "title": t("Rally in Brussels for Iran's political prisoners"),
                        "publisher": t("MSN"),
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
        slug=t("protect-iranian-refugees-commissariat-general"),
        title=t("Protect Iranian political refugees in Belgium"),
        summary=t(
            "A rally outside the Commissariat General for Refugees against the rise in executions in Iran, and for faster, safer asylum for Iranians who fled."
        ),
        body=stream(
            "rally:refugees:body",
            [
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Iran carried out at least 860 executions in 2023, over a third more than the year before, and more than 80 in January 2024 alone."
                        ),
                        t(
                            "Iranian refugees in Belgium fear the regime's threats abroad, wait ever longer for a decision on their asylum claim, and some sleep rough for lack of shelter."
                        ),
                    ),
                ),
            ],
        ),
        starts_at=_at(day, 11),
        ends_at=_at(day, 13),
        time_zone="Europe/Brussels",
        venue_name=t("Commissariat General for Refugees and Stateless Persons"),
        street_address="Rue Ernest Blerot 39",
        postcode="1070",
        city=t("Anderlecht"),
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
                    t("What happened"),
                ),
                (
                    "paragraph",
                    t.paragraphs(
                        t(
                            "Father Danial of the Beguinage church joined the crowd, praised the work of the Iranian resistance in exposing the regime's crimes, and spoke up for the right of Iranian refugees to asylum."
                        ),
                        t(
                            "Refugees then took turns to describe what the regime had done to them and their families."
                        ),
                        t(
                            "A delegation of the two associations met a diplomatic representative and a senior adviser of the Belgian minister for asylum and migration, who listened to their call to keep asylum seekers safe."
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
                t("International Freedom of Speech Alliance"),
                "",
                t(
                    "An alliance that defends free expression for Iranians at home and in exile."
                ),
            ),
            _organisation(
                ctx,
                t("International Association of Culture and Human Rights"),
                "",
                t(
                    "An association of Iranians in Europe working on culture and human rights."
                ),
            ),
        ]
    )
    return _finish(ctx, page, "rally:refugees")
