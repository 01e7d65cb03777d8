"""Facts an editor enters are checked, with the message on the field concerned."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casepages.blocks import TimelineEventBlock
from casepages.choices import DatePrecision
from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_a_detention_date_in_the_future_is_rejected(case_index):
    page = PrisonerCasePageFactory.build(
        detained_since=timezone.localdate() + datetime.timedelta(days=1)
    )
    assert errors_of(page)["detained_since"] == [
        "The date of detention cannot be in the future."
    ]


def test_a_birth_date_after_the_detention_is_rejected(case_index):
    page = PrisonerCasePageFactory.build(
        born_on=datetime.date(2022, 1, 1), detained_since=datetime.date(2021, 5, 4)
    )
    assert errors_of(page)["born_on"] == [
        "The date of birth must be before the date of detention."
    ]


def test_month_precision_requires_the_first_day_of_the_month(case_index):
    page = PrisonerCasePageFactory.build(
        timeline__0__event__date=datetime.date(2016, 4, 24),
        timeline__0__event__date_precision=DatePrecision.MONTH,
    )
    [message] = errors_of(page)["timeline"]
    assert message.startswith("Timeline event 1: When only the month is known")


def test_year_precision_requires_the_first_of_january(case_index):
    page = PrisonerCasePageFactory.build(
        updates__0__update__date=datetime.date(2019, 6, 1),
        updates__0__update__date_precision=DatePrecision.YEAR,
    )
    [message] = errors_of(page)["updates"]
    assert message.startswith("Update 1: When only the year is known")


def test_the_timeline_block_reports_a_wrong_precision_on_its_date():
    block = TimelineEventBlock()
    value = block.to_python(
        {
            "date": "2016-04-24",
            "date_precision": "month",
            "kind": "arrest",
            "title": "Arrest",
            "text": "",
        }
    )
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    assert "date" in caught.value.block_errors


def test_a_source_web_address_must_be_valid(case_index):
    page = PrisonerCasePageFactory.build(sources__0__source__url="not a web address")
    [message] = errors_of(page)["sources"]
    assert message == "Source 1: “not a web address” is not a valid web address."


def test_a_complete_case_is_valid(case_index):
    page = PrisonerCasePageFactory.build(
        timeline__0__event__date=datetime.date(2016, 4, 1),
        timeline__0__event__date_precision=DatePrecision.MONTH,
        sources__0__source__url="https://www.amnesty.org/",
    )
    page.path, page.depth = "00019999", 3  # as if placed in the tree
    page.full_clean()
