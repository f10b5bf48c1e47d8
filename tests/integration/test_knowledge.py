"""The knowledge base in the database: seeded from the shipped files, then kept by agents."""

from __future__ import annotations

import pytest

from cryptodesk.bootstrap import Desk
from cryptodesk.brain.catalogue import INTENTS
from cryptodesk.domain.knowledge import ArticleStatus, ArticleText, KnowledgeGap
from cryptodesk.errors import IllegalTransition, InvalidInput
from cryptodesk.services import kb_files, kb_search
from cryptodesk.services import knowledge as kb

from ..support.clock import Clock
from ..support.stories import hire


def _sync(desk: Desk, articles=None) -> kb.SyncReport:
    with desk.uow() as uow:
        report = kb.sync(uow, desk.now(), articles)
        uow.commit()
    return report


def test_sync_loads_every_shipped_article_once(desk: Desk) -> None:
    shipped = kb_files.shipped()
    assert {a.intent for a in shipped} == set(INTENTS)
    first, second = _sync(desk), _sync(desk)
    assert (first.added, first.updated) == (len(shipped), 0)
    assert (second.added, second.updated, second.kept) == (0, 0, len(shipped))
    with desk.uow() as uow:
        assert len(uow.knowledge.published()) == len(shipped)


def test_sync_refreshes_unedited_articles_but_keeps_agents_edits(
    desk: Desk, clock: Clock
) -> None:
    sam = hire(desk, "sam")
    original = kb_files.parse(
        "---\nid: fees-basics\nintent: info.fees\nlanguage: en\ntitle: Fees\n"
        "tags: fees\nupdated: 2026-11-25\n---\nMaker 0.1 %, taker 0.1 %.\n")
    other = kb_files.parse(
        "---\nid: fees-vip\nintent: info.fees\nlanguage: en\ntitle: VIP fees\n"
        "tags: fees, vip\nupdated: 2026-11-25\n---\nVIP tiers lower the fees.\n")
    _sync(desk, [original, other])
    with desk.uow() as uow:
        edited = uow.knowledge.by_slug("fees-vip", "en")
        kb.edit(uow, sam.agent, edited.id, ArticleText.clean("VIP fees", "Our own words.", ["vip"]),
                clock.advance(hours=1))
        uow.commit()
    newer = [kb_files.ShippedArticle(a.slug, a.intent, a.language, a.title, a.tags,
                                     a.body + " Updated.") for a in (original, other)]
    report = _sync(desk, newer)
    assert (report.updated, report.kept) == (1, 1)
    with desk.uow() as uow:
        assert uow.knowledge.by_slug("fees-basics", "en").body.endswith("Updated.")
        vip = uow.knowledge.by_slug("fees-vip", "en")
        assert vip.body == "Our own words." and vip.version == 2
        assert [v.editor for v in uow.knowledge.versions(vip.id)] == ["sync", "sam"]


def test_malformed_shipped_files_name_the_problem() -> None:
    with pytest.raises(InvalidInput, match=r"kb/x\.md: no front matter"):
        kb_files.parse("# just markdown", "kb/x.md")
    with pytest.raises(InvalidInput, match=r"kb/x\.md:3: unexpected line"):
        kb_files.parse("---\nid: a\nauthor: me\n---\nbody", "kb/x.md")
    with pytest.raises(InvalidInput, match="missing"):
        kb_files.parse("---\nid: a\n---\nbody", "kb/x.md")


def test_article_status_moves(desk: Desk) -> None:
    sam = hire(desk, "sam")
    with desk.uow() as uow:
        article = kb.create(uow, sam.agent, slug="staking", language="zh",
                            intent="learn.resources",
                            text=ArticleText.clean("质押", "质押说明", ["staking"]),
                            now=desk.now())
        assert article.status is ArticleStatus.DRAFT
        kb.set_status(uow, sam.agent, article.id, ArticleStatus.PUBLISHED, desk.now())
        kb.set_status(uow, sam.agent, article.id, ArticleStatus.ARCHIVED, desk.now())
        with pytest.raises(IllegalTransition):
            kb.set_status(uow, sam.agent, article.id, ArticleStatus.ARCHIVED, desk.now())
        with pytest.raises(InvalidInput):
            kb.create(uow, sam.agent, slug="x", language="zh", intent="made.up",
                      text=ArticleText.clean("t", "b", []), now=desk.now())


def test_gaps_are_grouped_by_similar_question(desk: Desk) -> None:
    questions = ["how do I stake ETH", "can I stake my ETH here", "收益宝怎么赎回",
                 "收益宝如何赎回", "what is the capital of France"]
    with desk.uow() as uow:
        for text in questions:
            kb.record_gap(uow, KnowledgeGap(text=text, language="en", reason="low_confidence",
                                            at=desk.now()))
        uow.commit()
    with desk.uow() as uow:
        groups = kb_search.gap_groups(uow, desk.now())
    assert [g.count for g in groups] == [2, 2, 1]
    assert {frozenset(g.questions) for g in groups[:2]} == {
        frozenset(questions[:2]), frozenset(questions[2:4])}
