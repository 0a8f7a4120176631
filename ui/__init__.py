"""The Streamlit review app of mtcheck (``mtcheck ui`` or ``streamlit run ui/app.py``).

``app.py`` is the entry point and ``views/`` holds its pages; ``render`` builds every piece of HTML the
app shows (escaping every user string), ``uploads`` reads uploaded files and archives in memory, ``facade``
is the app's one door into mtcheck, and ``state`` holds the session's glossary and ignore list.
"""
