"""mtcheck's review app: ``mtcheck ui`` or ``streamlit run ui/app.py``.

Pages (``ui/views/``): Review (one article, side by side, with its terminology), Batch (many articles),
Glossary (the session glossary and ignore list). The app renders what ``mtcheck.api`` returns; the HTML
it shows is built by ``ui.render``, which escapes every user string.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:  # `streamlit run ui/app.py` puts ui/ on the path, not the repository
    sys.path.insert(0, str(_REPO))

# Streamlit's own elements, tightened for a working screen (our HTML has its CSS in ui.render).
APP_CSS = """<style>
.block-container{padding-top:3.2rem;padding-bottom:2rem;max-width:1700px}
h1{font-size:2rem!important;padding-top:.4rem!important}
.stAppDeployButton{display:none}
.st-key-issue_pane [data-testid="stVerticalBlock"]{gap:.15rem}
.st-key-issue_pane .stButton{margin:-.1rem 0 .55rem .45rem}
.st-key-issue_pane .stButton button{min-height:1.5rem;padding:0 .25rem;font-size:.8rem;color:#6b7280}
.st-key-issue_pane .stButton button:hover{color:#b91c1c}
[data-testid="stSidebar"] .mt-side-stat{font-size:.85rem;color:#6b7280;line-height:1.6}
</style>"""


def main() -> None:
    import streamlit as st

    from ui import facade, render, state

    @st.cache_resource(show_spinner=False)
    def start_warm_up() -> bool:
        """Load segmenters and dictionaries in the background once per server, so the first check is quick."""
        threading.Thread(target=facade.warm_up, name="mtcheck-warm-up", daemon=True).start()
        return True

    st.set_page_config(page_title="mtcheck · review", page_icon="🔎", layout="wide", initial_sidebar_state="expanded")
    st.html(render.CSS)
    st.html(APP_CSS)
    start_warm_up()
    state.init_session()

    page = st.navigation([
        st.Page("views/review.py", title="Review", icon=":material/rate_review:", default=True),
        st.Page("views/batch.py", title="Batch", icon=":material/library_books:"),
        st.Page("views/glossary.py", title="Glossary", icon=":material/menu_book:"),
    ])
    with st.sidebar:
        n_terms = len(state.session_glossary())
        n_ignored = len(state.session_suppressed())
        st.html(
            '<div class="mt-side-stat">'
            f"Session glossary: <b>{n_terms}</b> entr{'y' if n_terms == 1 else 'ies'}<br>"
            f"Ignored issues: <b>{n_ignored}</b><br>"
            "Both are reused by every check of this session.</div>"
        )
        with st.expander("Models (optional)", icon=":material/memory:"):
            st.text_input("Encoder", key="model_name", placeholder="local folder or cached name", persist_state="session",
                          help="A multilingual encoder (LaBSE, XLM-R, multilingual E5/MiniLM), as `--model`: "
                               "embedding alignment and meaning checks. Loaded offline; needs torch.")
            st.text_input("QE model", key="qe_model_name", placeholder="local folder or cached name", persist_state="session",
                          help="A quality-estimation model (sequence regression, one output), as "
                               "`--qe-model`: a score for every aligned sentence.")
    page.run()


# Streamlit runs this file as a module named __main__ (and installs it as sys.modules["__main__"]). A
# worker process started by ui.facade (multiprocessing's spawn) re-runs the parent's main module under the
# name __mp_main__ before its first task: there it must only define things, not start an app.
if __name__ != "__mp_main__":
    main()
