"""The top-level domains that end a bare web address, one list for every pattern that finds one: the
aligner's anchors (``align.anchors``), the checks' URL and domain patterns (``checks.data.URL_RE``,
``checks.entities``) and the number finder's (``numbers``: nothing inside an address is a number).

A bare domain ("chinanews.com", "orf.at", "travel.gov.gr") has no scheme to tell it from two sentences run
together ("in der Stadt.Es gibt", "the city.It was"), so its last label must be one of ``TLDS``, written in
lower case as news text writes addresses (or in capitals, in a headline): the patterns read the domain
part with case significant even where the rest of the pattern ignores case (``TLD``). After a listed
domain a country's code may follow ("gov.gr", "com.au", "gov.in", "org.uk").

False positives left: a full stop glued to a lower-case word that is one of them ("was sold.it"), rare in
edited text. Missed: a bare domain under a code not listed ("example.nl"; with a scheme or "www." every
address is read, whatever its domain).
"""
from __future__ import annotations

# Generic domains news text cites, then the countries' codes of the news the WMT and desk data hold.
# Each is also a lower-case word or abbreviation in some language ("at", "it", "be", "es", "de", "news"):
# the case rule above is what keeps "Stadt.Es" out.
TLDS: tuple[str, ...] = (
    "com", "org", "net", "gov", "edu", "int", "info", "io", "news", "tv", "co",
    "cn", "hk", "tw", "jp", "kr", "uk", "eu", "fr", "de", "es", "it", "ch", "at", "be", "ru", "ca",
)

# A listed domain in lower case (or all in capitals, as a headline writes it: "CHINANEWS.COM"), and a
# country's code after it if there is one: the end of a bare domain.
_ORDERED = sorted(TLDS, key=lambda t: (-len(t), t))
TLD = ("(?-i:(?:" + "|".join(_ORDERED) + r")(?:\.[a-z]{2})?"
       "|(?:" + "|".join(t.upper() for t in _ORDERED) + r")(?:\.[A-Z]{2})?)")
