"""The review app in a real browser: `streamlit run ui/app.py` on a free localhost port, driven by
playwright with Debian's chromium (no browser download). Loads the example, checks that the drift and
noise highlights are on screen, times "Load example" → highlighted view, saves a screenshot, and shows
that markup in a user's text is displayed as text and runs nothing."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (CI installs it with apt); "
                "the browser test needs it", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
DRIFT_TEXT = "régime de prestations universelles"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_MS = 45_000  # the longest any single wait may take


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    log = open(log_path, "wb")
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "ui" / "app.py"),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop() -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # our own process group, started above
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)
        log.close()

    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}: {log_path.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start within 60 s: {log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1100}, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:  # an alert() would mean a script from the text ran
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        context.close()


def open_app(page, url: str) -> None:
    page.goto(url, timeout=WAIT_MS)
    expect(page.get_by_role("button", name="Load example")).to_be_visible(timeout=WAIT_MS)


def click_load_example_and_time(page) -> float:
    start = time.perf_counter()
    page.get_by_role("button", name="Load example").click()
    page.locator("table.mt-table mark", has_text=DRIFT_TEXT).first.wait_for(state="visible", timeout=WAIT_MS)
    return time.perf_counter() - start


def test_load_example_highlights_drift_and_noise(app_url, page, tmp_path):
    open_app(page, app_url)
    first = click_load_example_and_time(page)

    table = page.locator("table.mt-table").first
    drift = table.locator("mark", has_text=DRIFT_TEXT).first
    expect(drift).to_be_visible()
    assert "terms.drift" in (drift.get_attribute("title") or "")
    assert "Suggestion: plan inclusif" in (drift.get_attribute("title") or "")
    noise = table.locator("mark", has_text="Русский язык").first
    expect(noise).to_be_visible()
    assert "noise.debris" in (noise.get_attribute("title") or "")
    assert "Français" in noise.inner_text()
    expect(page.locator(".mt-banner").first).to_be_visible()
    expect(page.locator(".mt-card", has_text="terms.drift").first).to_be_visible()

    # The reference metrics arrive after the highlighted view; wait for them, then take the picture.
    expect(page.locator(".mt-banner", has_text="BLEU").first).to_be_visible(timeout=WAIT_MS)
    page.wait_for_timeout(800)  # let the last rerun settle before the screenshot
    # The number after a highlight links to its card in the detail panel, which scrolls to it.
    drift = page.locator("table.mt-table").first.locator("mark", has_text=DRIFT_TEXT).first
    drift.evaluate("e => e.scrollIntoView({block: 'center'})")
    ref = drift.locator("xpath=following-sibling::sup[1]/a").first
    card_id = (ref.get_attribute("href") or "#").lstrip("#")
    ref.click()
    card = page.locator(f"[id='{card_id}']")
    expect(card).to_be_in_viewport()
    expect(card).to_contain_text(DRIFT_TEXT)
    # The jump scrolled the page too: back to the top for the picture (the panes keep their scroll).
    page.evaluate("""() => { window.scrollTo(0, 0);
        document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')
            .forEach(e => e.scrollTo(0, 0)); }""")
    page.wait_for_timeout(300)
    shot = tmp_path / "ui.png"
    page.screenshot(path=str(shot))
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, RESULTS / "ui-screenshot.png")

    # Once more, in a warm server: clear, then load the example again.
    page.get_by_role("button", name="Clear").click()
    expect(page.locator("table.mt-table")).to_have_count(0, timeout=WAIT_MS)
    second = click_load_example_and_time(page)

    note = (f"Load example -> highlighted view (browser, {CHROMIUM}): first click {first:.2f} s, "
            f"again after Clear {second:.2f} s\n")
    print(note, end="")
    (tmp_path / "ui_load_example.txt").write_text(note, encoding="utf-8")
    (RESULTS / "ui_load_example.txt").write_text(note, encoding="utf-8")
    assert not page.dialogs  # type: ignore[attr-defined]
    assert second < 15, note  # a sanity bound: warm, it takes about a second


XSS_SOURCE = ("联合国大会今天通过了一项决议<script>alert(1)</script>。"
              "<img src=x onerror=alert(1)>共有120个国家投票赞成。")
XSS_TARGET = "L'Assemblée générale a adopté une résolution. Au total, 120 pays ont voté pour. <img src=x onerror=alert(1)>"


def test_markup_in_texts_is_shown_as_text_and_runs_nothing(app_url, page):
    open_app(page, app_url)
    source = page.get_by_role("textbox", name="Source article")
    source.fill(XSS_SOURCE)
    source.press("Tab")
    target = page.get_by_role("textbox", name="Machine translation")
    target.fill(XSS_TARGET)
    target.press("Tab")
    page.wait_for_timeout(500)  # the text areas commit on blur
    page.get_by_role("button", name="Check", exact=True).click()

    table = page.locator("table.mt-table").first
    expect(table).to_be_visible(timeout=WAIT_MS)
    expect(table.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    expect(table.get_by_text("<img src=x onerror=alert(1)>", exact=False).first).to_be_visible()
    assert table.locator("script").count() == 0
    assert page.locator("img[src='x']").count() == 0
    page.wait_for_timeout(1500)  # give any injected handler time to fire
    assert page.dialogs == []  # type: ignore[attr-defined]
