"""Where a new message goes: a department and, where one is named, an official.

In this order: the department the citizen chose; the first routing rule (of the
message's kind, or of every kind) whose topic is the message's topic; the first
rule with a keyword in the subject or text; the kind's default. Keywords are
compared folded (``search.text.fold``: case, diacritics and Serbian script do not
matter), as whole words or phrases.
"""

from dataclasses import dataclass

from django.db.models import Q

from search.text import fold

from .models import RoutingRule


@dataclass(frozen=True)
class Route:
    department: object = None
    official: object = None


def rules_for(kind):
    return RoutingRule.objects.filter(Q(kind=kind) | Q(kind__isnull=True)).select_related(
        "department", "official"
    )


def mentions(text, keyword):
    """``keyword`` (a word or a phrase) occurs in ``text`` as whole words, spelling folded."""
    wanted = fold(keyword)
    return bool(wanted) and f" {wanted} " in f" {fold(text)} "


def route(kind, *, subject="", text="", topic=None, department=None):
    if department is not None:
        return Route(department=department)
    rules = list(rules_for(kind))
    if topic is not None:
        for rule in rules:
            if rule.topic_id == topic.pk:
                return Route(rule.department, rule.official)
    content = f"{subject}\n{text}"
    for rule in rules:
        if any(mentions(content, keyword) for keyword in rule.keyword_list):
            return Route(rule.department, rule.official)
    return Route(kind.default_department, kind.default_official)
