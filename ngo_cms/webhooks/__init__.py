"""Publish webhooks: tell static and edge-rendered front ends what changed.

Superusers register targets in the admin (Settings > Webhooks). When a page, a
translation or a snippet changes, or a petition's count reaches a milestone, each
enabled target that wants the event (and the locale) gets a signed JSON POST from a
background task, once the transaction commits. See docs/webhooks.md.
"""
