"""Print the translators' queue, as the admin's "Translation queue" shows it."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ngo_cms.translation_queue import build_queue
from ngo_cms.translation_roles import target_languages
from ngo_cms.translation_state import URGENCY


class Command(BaseCommand):
    help = "Print the pages and snippets waiting for translation, most urgent first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--locale",
            action="append",
            help="A target language (nl, fr); repeat for several. Default: all.",
        )
        parser.add_argument(
            "--state",
            action="append",
            choices=[str(state) for state in URGENCY],
            help="Keep only this state; repeat for several.",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        languages = options["locale"] or target_languages()
        unknown = sorted(set(languages) - set(target_languages()))
        if unknown:
            raise CommandError(
                f"Unknown target language: {', '.join(unknown)} "
                f"(choose from {', '.join(target_languages())})"
            )
        items = build_queue(languages, states=options["state"])
        if options["json"]:
            self.stdout.write(json.dumps([item.as_json() for item in items], indent=2))
            return
        for item in items:
            state = item.state_name
            if state == "outdated":
                state += f" ({item.state.untranslated} changed)"
            elif state == "in_progress":
                state += f" ({item.state.percent}%)"
            due = f" due {item.due_date.isoformat()}" if item.due_date else ""
            who = f" → {item.assignee_name}" if item.assignee_name else ""
            self.stdout.write(
                f"{item.language_code}  {state:<28} {item.type_label}: "
                f"{item.title}{who}{due}"
            )
        if not items:
            self.stdout.write("Nothing waits for translation.")
