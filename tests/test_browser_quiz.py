"""A quiz in the built book, used as a reader would: offline, by keyboard and by mouse."""

import pytest

from conftest import contrast, offline_context
from scobook.quiz import load_bank

#: The chapter 1 quiz's length, from its bank (not a literal that drifts when questions change).
TOTAL = len(load_bank("ch1-article").questions)
#: The chapter's quiz on its page (the page also holds the five-question check, folded).
QUIZ = 'section.sco-quiz[data-quiz="ch1-article"]'

QUIZ_PAGE = "chapters/01-article/index.html"


@pytest.fixture
def quiz_page(browser, site):
    context = offline_context(browser)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site}/{QUIZ_PAGE}")
    yield page
    assert errors == []
    assert context.blocked == [], "the quiz page asked for something off this machine"
    context.close()


def option_texts(form):
    return form.locator("label.sco-quiz-option").all_inner_texts()


def test_wrong_answer_by_keyboard_shows_that_options_feedback_and_not_the_answer(quiz_page):
    form = quiz_page.locator(f"{QUIZ} form.sco-quiz-q").first
    correct = int(form.get_attribute("data-correct"))
    wrong = 0 if correct != 0 else 1
    radios = form.locator("input[type=radio]")
    radios.first.focus()
    quiz_page.keyboard.press("Space")  # selects the focused (first) option
    for _ in range(wrong):
        quiz_page.keyboard.press("ArrowDown")
    assert radios.nth(wrong).is_checked()
    quiz_page.keyboard.press("Tab")  # to "Check answer"
    assert form.locator("button[type=submit]").evaluate("b => b === document.activeElement")
    quiz_page.keyboard.press("Enter")
    feedback = form.locator(".sco-quiz-feedback")
    assert feedback.locator(".sco-quiz-verdict").inner_text() == "✗ Not quite."
    assert feedback.inner_text().count(option_texts(form)[wrong]) == 1
    assert "Source:" not in feedback.inner_text(), "the explanation waits for a second try"
    assert option_texts(form)[correct] not in feedback.inner_text().replace(option_texts(form)[wrong], "")
    assert form.locator("details.sco-quiz-answer").is_visible()  # "Show the answer", on request
    assert f"Right first time: 0 of {TOTAL} (1 answered)." == quiz_page.locator(f"{QUIZ} .sco-quiz-score").inner_text()
    # "Try again" is reachable by keyboard and clears the question
    quiz_page.keyboard.press("Tab")
    quiz_page.keyboard.press("Enter")
    assert feedback.inner_text() == "" and not radios.nth(wrong).is_checked()
    # the second try shows the explanation, and the score keeps the first try
    form.locator("label.sco-quiz-option").nth(correct).click()
    form.get_by_role("button", name="Check answer").click()
    assert "Source:" in feedback.inner_text()
    assert quiz_page.locator(f"{QUIZ} .sco-quiz-score").inner_text() == (
        f"Right first time: 0 of {TOTAL} (1 answered). 1 more right after a retry.")


def test_four_wrong_first_answers_then_all_right_is_not_a_full_score(quiz_page):
    """Issue 24's student: four wrong first answers put right on a retry used to end as "10 of 10"."""
    forms = quiz_page.locator(f'{QUIZ} form.sco-quiz-q:not([data-type="multiple"])')
    n = forms.count()
    for i in range(n):
        form = forms.nth(i)
        correct = [int(v) for v in form.get_attribute("data-correct").split(",")]
        if i < 4:
            form.locator("label.sco-quiz-option").nth(next(j for j in range(4) if j not in correct)).click()
            form.get_by_role("button", name="Check answer").click()
            form.get_by_role("button", name="Try again").click()
        form.locator("label.sco-quiz-option").nth(correct[0]).click()
        form.get_by_role("button", name="Check answer").click()
    assert quiz_page.locator(f"{QUIZ} .sco-quiz-score").inner_text() == (
        f"Right first time: {n - 4} of {TOTAL} ({n} answered). 4 more right after a retry.")


def test_showing_the_answer_first_does_not_count_as_right(quiz_page):
    form = quiz_page.locator(f"{QUIZ} form.sco-quiz-q").first
    correct = int(form.get_attribute("data-correct"))
    form.locator("label.sco-quiz-option").nth(0 if correct else 1).click()
    form.get_by_role("button", name="Check answer").click()
    form.locator("details.sco-quiz-answer summary").click()
    assert "Answer:" in form.locator("details.sco-quiz-answer").inner_text()
    form.get_by_role("button", name="Try again").click()
    form.locator("label.sco-quiz-option").nth(correct).click()
    form.get_by_role("button", name="Check answer").click()
    assert quiz_page.locator(f"{QUIZ} .sco-quiz-score").inner_text() == f"Right first time: 0 of {TOTAL} (1 answered)."


def test_the_score_is_announced_once(quiz_page):
    """Only each question's status region is live; the score at the top is not (it was read twice)."""
    live = quiz_page.locator(f"{QUIZ} [aria-live], {QUIZ} [role=status]")
    assert all("sco-quiz-feedback" in (live.nth(i).get_attribute("class") or "") for i in range(live.count()))


def test_right_answer_by_mouse_and_multiple_choice(quiz_page):
    forms = quiz_page.locator(f"{QUIZ} form.sco-quiz-q")
    second = forms.nth(1)
    correct = int(second.get_attribute("data-correct"))
    second.locator("label").nth(correct).click()
    second.get_by_role("button", name="Check answer").click()
    assert second.locator(".sco-quiz-verdict").inner_text() == "✓ Correct."
    assert option_texts(second)[correct] in second.locator(".sco-quiz-feedback").inner_text()
    multiple = quiz_page.locator(f'{QUIZ} form.sco-quiz-q[data-type="multiple"]').first
    right = [int(v) for v in multiple.get_attribute("data-correct").split(",")]
    multiple.locator("label").nth(right[0]).click()
    multiple.get_by_role("button", name="Check answer").click()
    assert multiple.locator(".sco-quiz-verdict").inner_text() == "✗ Not quite."
    assert "You left out" in multiple.locator(".sco-quiz-feedback").inner_text()
    for i in right[1:]:
        multiple.locator("label").nth(i).click()
    multiple.get_by_role("button", name="Check answer").click()
    assert multiple.locator(".sco-quiz-verdict").inner_text() == "✓ Correct."
    assert quiz_page.locator(f"{QUIZ} .sco-quiz-score").inner_text() == (
        f"Right first time: 1 of {TOTAL} (2 answered). 1 more right after a retry.")


def test_the_answer_is_readable_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{QUIZ_PAGE}")
    first = page.locator(f"{QUIZ} details.sco-quiz-answer").first
    first.locator("summary").click()
    assert "Answer:" in first.inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_options_are_thumb_sized_and_verdicts_readable_in_light_and_dark_mode(browser, site, scheme):
    context = offline_context(browser, width=375, height=800)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.add_init_script(f"localStorage.setItem('theme', '{scheme}'); localStorage.setItem('mode', '{scheme}');")
    page.goto(f"{site}/{QUIZ_PAGE}")
    form = page.locator(f"{QUIZ} form.sco-quiz-q").first
    answer = form.locator("details.sco-quiz-answer")
    assert not answer.is_visible(), "the answer shows only after a first try"
    rows = form.locator("label.sco-quiz-option")
    assert min(rows.nth(i).bounding_box()["height"] for i in range(rows.count())) >= 44
    # a tap on the empty right-hand part of a row chooses that option
    correct = int(form.get_attribute("data-correct").split(",")[0])
    wrong = 0 if correct != 0 else 1
    rows.nth(wrong).scroll_into_view_if_needed()
    box = rows.nth(wrong).bounding_box()
    page.mouse.click(box["x"] + box["width"] - 5, box["y"] + box["height"] / 2)
    assert form.locator("input").nth(wrong).is_checked()
    form.get_by_role("button", name="Check answer").click()
    verdict = form.locator(".sco-quiz-verdict")
    colours = verdict.evaluate("""v => { let e = v, bg = 'rgba(0, 0, 0, 0)';
        while (e && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(e).backgroundColor; e = e.parentElement; }
        return [getComputedStyle(v).color, bg]; }""")
    assert contrast(*colours) >= 4.5, colours
    assert answer.is_visible() and "Right first time:" in form.locator(".sco-quiz-running").inner_text()
    form.locator("label.sco-quiz-option").nth(correct).click()
    context.close()
