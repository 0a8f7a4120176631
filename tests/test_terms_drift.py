"""Terminology drift (check ``terms.drift``): table-driven tests over short news articles.

Each case is an article with one sentence per line on both sides and a hand 1-1 alignment, so the tests
do not depend on the sentence aligner. A case lists the exact flagged target substrings, with the
suggestion and the severity; a consistent article lists none. Language pairs: zh→fr, zh→en, en→de,
en→fr, en→es. Traps from docs/terminology.md: inflection (« plans inclusifs », „der Initiative“, „des
Klimafonds“), a shortened second mention (« l'Initiative » after « l'Initiative la Ceinture et la
Route », « le plan » after « le plan inclusif »), common words (« pays », « coopération »), acronym and
expansion (drift when the source does not alternate, none when it does).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.api import check_texts, make_document
from mtcheck.checks.registry import CheckContext
from mtcheck.checks.entities import name_and_adjective, two_names
from mtcheck.checks.terms import terminology_drift
from mtcheck.config import Config
from mtcheck.terms.drift import (Occurrence, _Side, _Term, _edit_distance, _relation, _in_order, _name_around, _nominal_compound,
                                 _one_edit, _neighbours, _other_body, _quoted_title_word, _rival_beside, _spaced_pieces, _swapped,
                                 _title_edge, find_renderings, tokenize)
from mtcheck.terms.matching import normalise_token
from mtcheck.types import Bead, Category, Issue

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "ai-plan"


def documents(src: str, tgt: str, src_lang: str, tgt_lang: str):
    source = make_document(src, path=None, lang=src_lang, encoding=None, presegmented=True)
    target = make_document(tgt, path=None, lang=tgt_lang, encoding=None, presegmented=True)
    assert len(source.sentences) == len(target.sentences)
    alignment = tuple(Bead((i,), (i,)) for i in range(len(source.sentences)))
    return source, target, alignment


def _side(lines: list[str], lang: str):  # type: ignore[no-untyped-def]
    """The engine's view of one presegmented document, a unit per line, and the document."""
    doc = make_document("\n".join(lines), path=None, lang=lang, encoding=None, presegmented=True)
    return _Side({k: tokenize(doc, (k,)) for k in range(len(doc.sentences))}, doc.text), doc


def target_changed(article: tuple[str, str], old: str, new: str) -> tuple[str, str]:
    """The article with ``old`` replaced by ``new`` in its translation."""
    return article[0], article[1].replace(old, new)


def lemmas(text: str, lang: str) -> list[str]:
    """The words of ``text``, each lower-cased and lemmatised as the term engine compares them."""
    return [normalise_token(w, lang) for w in re.findall(r"\w+", text.lower())]


def drift_issues(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Issue]:
    source, target, alignment = documents(src, tgt, src_lang, tgt_lang)
    ctx = CheckContext(source=source, target=target, alignment=alignment, config=Config())
    return list(terminology_drift(ctx))


# --- the articles ---------------------------------------------------------------------------------------

ZH_FR_CENTRE = ("""中方宣布设立全球发展促进中心。
外交部发言人表示，全球发展促进中心将支持发展中国家落实可持续发展目标。
全球发展促进中心将与联合国机构开展合作。
多个国家已表示愿意参与全球发展促进中心的工作。
发言人说，全球发展促进中心的首批项目将于明年启动。
中方欢迎各国积极参与。""", """La Chine a annoncé la création du Centre de promotion du développement mondial.
Le porte-parole du ministère des Affaires étrangères a indiqué que le Centre de promotion du développement mondial aidera les pays en développement à atteindre les objectifs de développement durable.
Le Centre de promotion du développement mondial coopérera avec les agences des Nations unies.
Plusieurs pays ont déjà exprimé leur volonté de participer aux travaux du Centre de promotion du développement mondial.
Selon le porte-parole, les premiers projets du Centre pour le développement global seront lancés l'an prochain.
La Chine salue la participation active de tous les pays.""")

# Inflection (« plans inclusifs »), a shortened mention (« le plan ») and common words (« pays »,
# « coopération »): nothing to flag.
ZH_FR_PLAN_CONSISTENT = ("""中方提出普惠计划，帮助发展中国家加强能力建设。
外交部表示，普惠计划得到各国积极响应。
中方将与各国开展合作，推动普惠计划落实。
今年中方还将推出两个地区性普惠计划。
这些国家欢迎普惠计划。
合作将惠及更多国家。""", """La Chine a proposé le plan inclusif pour aider les pays en développement à renforcer leurs capacités.
Le ministère des Affaires étrangères a déclaré que le plan inclusif avait reçu un accueil favorable de nombreux pays.
La Chine mènera une coopération avec les pays concernés pour mettre en œuvre le plan inclusif.
Cette année, la Chine lancera également deux plans inclusifs régionaux.
Ces pays ont salué le plan.
La coopération profitera à davantage de pays.""")

# Two renderings of one source term that differ by a complex preposition: a near-variant, minor.
ZH_FR_CAPACITY = ("""中方将加强人工智能能力建设国际合作。
人工智能能力建设是发展中国家的迫切需求。
中方已举办人工智能能力建设研讨班。
各方支持人工智能能力建设合作。
中方愿与各国分享经验。""", """La Chine renforcera la coopération internationale sur le renforcement des capacités en matière d'intelligence artificielle.
Le renforcement des capacités en matière d'intelligence artificielle est un besoin urgent des pays en développement.
La Chine a déjà organisé un séminaire sur le renforcement des capacités en intelligence artificielle.
Toutes les parties soutiennent la coopération pour le renforcement des capacités en matière d'intelligence artificielle.
La Chine est prête à partager son expérience avec tous les pays.""")

ZH_EN_WESEL = ("""当地时间25日下午，一架小型飞机在德国韦瑟尔县坠毁。
韦瑟尔县警方表示，事故造成三人死亡。
飞机当天从马尔起飞，曾在韦瑟尔县的机场短暂停留。
韦瑟尔县消防部门派出了四十多名消防员。
事故原因正在调查中。""", """A small plane crashed in Wesel County, Germany, on the afternoon of the 25th local time.
Police in Wesel County said three people were killed in the accident.
The plane took off from Marl and made a brief stop at an airport in Wessel County.
The Wesel County fire department sent more than 40 firefighters.
The cause of the accident is under investigation.""")

# "Kenya" / "Kenyan": one word family, not drift.
ZH_EN_VISIT_CONSISTENT = ("""国家主席习近平26日在北京会见了来访的肯尼亚总统鲁托。
习近平表示，中方愿同肯尼亚加强共建“一带一路”合作。
鲁托说，肯尼亚高度重视对华关系。
双方同意在蒙内铁路的基础上扩大基础设施合作。
鲁托还邀请习近平访问肯尼亚。
会见后，两国元首共同见证了多项合作文件的签署。""", """President Xi Jinping met with visiting Kenyan President William Ruto in Beijing on the 26th.
Xi Jinping said China is willing to strengthen Belt and Road cooperation with Kenya.
Ruto said Kenya attaches great importance to its relations with China.
The two sides agreed to expand infrastructure cooperation on the basis of the Mombasa-Nairobi Railway.
Ruto also invited Xi Jinping to visit Kenya.
After the meeting, the two heads of state witnessed the signing of several cooperation documents.""")

EN_DE_CLIMATE_FUND = ("""The European Commission has approved a new Climate Fund for coastal regions.
The Climate Fund will finance dikes, pumping stations and early-warning systems.
According to the Commission, the Climate Fund is worth 4.5 billion euros.
Regions can apply for money from the Climate Fund until March.
Critics say the Climate Fund is too small for the challenge.
The Commission rejected the criticism on Tuesday.""", """Die Europäische Kommission hat einen neuen Klimafonds für Küstenregionen genehmigt.
Der Klimafonds soll Deiche, Pumpwerke und Frühwarnsysteme finanzieren.
Nach Angaben der Kommission ist der Klimafonds 4,5 Milliarden Euro schwer.
Regionen können bis März Geld aus dem Klimafonds beantragen.
Kritiker sagen, die Klimakasse sei für die Herausforderung zu klein.
Die Kommission wies die Kritik am Dienstag zurück.""")

# „der Initiative“ / „die Initiative“, „des Klimafonds“ / „der Klimafonds“ / „dem Klimafonds“: one rendering.
EN_DE_RIVERS_CONSISTENT = ("""Germany is joining the Clean Rivers Initiative launched by the Netherlands.
The Clean Rivers Initiative aims to halve plastic waste in the Rhine by 2030.
Environment Minister Lemke said the goals of the Clean Rivers Initiative were ambitious but achievable.
The money will come from the Climate Fund, the ministry said.
The Climate Fund already pays for river restoration projects in Bavaria.
Under the plan, the Climate Fund will also support the Clean Rivers Initiative.""", """Deutschland tritt der Initiative Saubere Flüsse bei, die von den Niederlanden ins Leben gerufen wurde.
Die Initiative Saubere Flüsse will den Plastikmüll im Rhein bis 2030 halbieren.
Umweltministerin Lemke sagte, die Ziele der Initiative Saubere Flüsse seien ehrgeizig, aber erreichbar.
Das Geld soll aus Mitteln des Klimafonds kommen, teilte das Ministerium mit.
Der Klimafonds bezahlt bereits Projekte zur Renaturierung von Flüssen in Bayern.
Nach dem Plan wird der Klimafonds auch die Initiative Saubere Flüsse unterstützen.""")

# « l'Initiative » after « l'Initiative la Ceinture et la Route » is a shortened mention; « OTAN » twice and
# its expansion once, for a source that always says NATO, is drift.
EN_FR_BELT_AND_NATO = ("""Italy will not renew its participation in the Belt and Road Initiative, the government said on Wednesday.
Rome joined the Belt and Road Initiative in 2019, the only G7 country to do so.
Officials said the Initiative had brought few economic benefits.
The decision was discussed with NATO allies last week.
NATO has urged its members to reduce their dependence on China.
A NATO spokesman declined to comment.""", """L'Italie ne renouvellera pas sa participation à l'Initiative la Ceinture et la Route, a annoncé le gouvernement mercredi.
Rome avait rejoint l'Initiative la Ceinture et la Route en 2019, seul pays du G7 à l'avoir fait.
Selon des responsables, l'Initiative n'a apporté que peu d'avantages économiques.
La décision a été discutée avec les alliés de l'OTAN la semaine dernière.
L'Organisation du traité de l'Atlantique nord a exhorté ses membres à réduire leur dépendance à l'égard de la Chine.
Un porte-parole de l'OTAN s'est refusé à tout commentaire.""")

# The source alternates between the acronym and the expansion, and so does the translation: consistent.
EN_FR_NATO_CONSISTENT = ("""NATO leaders will meet in Vilnius next week.
The North Atlantic Treaty Organization was founded in 1949 by twelve countries.
NATO now has 31 members after Finland joined in April.
Sweden hopes to become the 32nd member of NATO before the summit.
The North Atlantic Treaty Organization says its doors remain open.
Turkey has not yet approved the application.""", """Les dirigeants de l'OTAN se réuniront à Vilnius la semaine prochaine.
L'Organisation du traité de l'Atlantique nord a été fondée en 1949 par douze pays.
L'OTAN compte désormais 31 membres depuis l'adhésion de la Finlande en avril.
La Suède espère devenir le 32e membre de l'OTAN avant le sommet.
L'Organisation du traité de l'Atlantique nord affirme que ses portes restent ouvertes.
La Turquie n'a pas encore approuvé la candidature.""")

EN_ES_MINISTRY = ("""The Ministry of Health reported 1,200 new cases of dengue on Monday.
According to the Ministry of Health, most cases were recorded in Andalusia.
Hospitals in Seville have opened special wards for patients.
The Ministry of Health asked residents to remove standing water from their gardens.
Regional authorities said the outbreak was under control.
The Ministry of Health will publish new figures on Friday.""", """El Ministerio de Sanidad notificó el lunes 1.200 nuevos casos de dengue.
Según el Ministerio de Sanidad, la mayoría de los casos se registraron en Andalucía.
Los hospitales de Sevilla han abierto salas especiales para los pacientes.
El Ministerio de Salud pidió a los vecinos que eliminen el agua estancada de sus jardines.
Las autoridades regionales afirmaron que el brote está bajo control.
El Ministerio de Sanidad publicará nuevas cifras el viernes.""")

EN_ES_ECB_CONSISTENT = ("""The European Central Bank raised interest rates by a quarter point on Thursday.
The European Central Bank said inflation remained too high in the euro zone.
President Christine Lagarde told reporters that further increases were possible.
Economists had expected the European Central Bank to pause.
Lagarde said the bank would decide meeting by meeting.
Markets in Madrid and Frankfurt fell after the announcement.""", """El Banco Central Europeo subió el jueves los tipos de interés un cuarto de punto.
El Banco Central Europeo afirmó que la inflación sigue siendo demasiado alta en la zona del euro.
La presidenta Christine Lagarde dijo a los periodistas que son posibles nuevas subidas.
Los economistas esperaban que el Banco Central Europeo hiciera una pausa.
Lagarde señaló que el banco decidirá reunión a reunión.
Las bolsas de Madrid y Fráncfort cayeron tras el anuncio.""")

# A name in three sentences, misspelt in one (Moulla), beside a word the translator added to all three
# (Kreditgeber): the spellings of one name are one word for association, so the name is the rendering.
EN_DE_RESPELT = ("""On Monday, Moula said that it was lending more again.
In June, Moula lent 30 million dollars.
Demand for loans fell sharply in April, the company said.
The chief executive of Moula expects a busy summer.
Banks have tightened their rules for small firms.""", """Moula teilte am Montag mit, dass der Kreditgeber wieder mehr verleihe.
Moulla verlieh im Juni als Kreditgeber 30 Millionen Dollar.
Die Nachfrage sei im April stark gesunken, teilte das Unternehmen mit.
Der Chef von Moula erwartet für den Kreditgeber einen arbeitsreichen Sommer.
Die Banken haben ihre Regeln für kleine Firmen verschärft.""")

# "Social media" copied as the modifier of compounds with other heads: the heads are the words around
# the term, not two renderings of it.
EN_DE_COPY_COMPOUNDS = ("""The government wants to regulate social media more strictly.
Social media accounts of politicians will be checked.
Social media accounts that spread hate speech will be closed.
Social media platforms said the rules were unclear.
The law will come into force next year.""", """Die Regierung will soziale Netzwerke strenger regulieren.
Social-Media-Konten von Politikern werden überprüft.
Social-Media-Konten, die Hassreden verbreiten, werden geschlossen.
Social-Media-Plattformen erklärten, die Regeln seien unklar.
Das Gesetz tritt im nächsten Jahr in Kraft.""")

# A copy of the term ("Pilot") is its rendering even where another source word ("Mr") shares exactly its
# sentences once the misspelt "Pillot" counts as the same word.
EN_DE_COPY_RIVAL = ("""Mr Pilot was stripped of his posts in the party.
If the court decides in favour of Mr Pilot, the party may lose the state.
Mr Pilot has not commented on the ruling.
Allies of Pilot said he would appeal.
The hearing will resume on Monday.""", """Mr. Pilot wurde seiner Ämter in der Partei enthoben.
Wenn das Gericht zugunsten von Mr. Pillot entscheidet, könnte die Partei den Staat verlieren.
Mr. Pilot hat sich zu dem Urteil nicht geäußert.
Seine Verbündeten kündigten an, er werde Berufung einlegen.
Die Anhörung wird am Montag fortgesetzt.""")

# A common-noun phrase in another word order is a paraphrase, not drift ...
ZH_EN_PARAPHRASE = ("""北江省大力发展工业园区集群。
工业园区集群吸引了大量外资。
省政府支持工业园区集群建设。
目前工业园区集群已创造两万个就业岗位。
该省经济增长较快。""", """Bac Giang is vigorously developing industrial park clusters.
The industrial park clusters have attracted a lot of foreign investment.
The provincial government supports the construction of industrial park clusters.
So far, the cluster of industrial parks has created 20,000 jobs.
The province's economy is growing fast.""")

# ... but a phrase with a name in it keeps its form: a near-variant.
ZH_EN_NAME_REORDER = ("""北江省大力发展工业园区。
北江省吸引了大量外资。
省政府表示，北江省经济增长较快。
北江省已创造两万个就业岗位。
越南经济增长较快。""", """Bac Giang province is vigorously developing industrial parks.
Bac Giang province has attracted a lot of foreign investment.
The provincial government said that the economy of the province of Bac Giang is growing fast.
Bac Giang province has created 20,000 jobs.
Vietnam's economy is growing fast.""")

# A title-case headline does not make a name of a rendering the body writes in lower case, so the slot
# of the variant may grow over lower-case words.
ZH_EN_HEADLINE = ("""湖南启动大型融媒体行动
记者通过大型融媒体行动走进乡村。
大型融媒体行动将持续三个月。
观众反响热烈。""", """Hunan Launches Large-Scale Media Convergence Campaign
Through the large-scale media convergence drive, reporters visited villages.
The large-scale media convergence campaign will last three months.
Viewers responded enthusiastically.""")

# A name (刘青云, a proper-noun tag) is rendered by a name, not by the name and the verb that follows it
# three times out of four ("Liu Qingyun scored"): "Liu Qingyun broke" is no variant.
ZH_EN_NAME_GROWS = ("""此役刘青云梅开二度。
上半场刘青云进球。
终场前刘青云完成梅开二度。
下半场刘青云突破防线。
国际米兰三比零获胜。""", """In the game, Liu Qingyun scored twice.
In the first half, Liu Qingyun scored.
Before the end, Liu Qingyun scored twice.
In the second half, Liu Qingyun broke through the defence.
Inter Milan won three to nil.""")


# A name written with an apostrophe (Yan'an) is one word; without it (Yanan), a near-variant.
ZH_EN_APOSTROPHE = ("""延安举办红色旅游节。
今年前六个月，延安接待游客一千万人次。
专家认为，延安的红色文化资源十分丰富。
延安将继续改善旅游基础设施。
游客对服务表示满意。""", """Yan'an holds a red tourism festival.
In the first six months of this year, Yan'an received 10 million tourists.
Experts believe that the red culture resources of Yanan are very rich.
Yan'an will continue to improve its tourism infrastructure.
Tourists expressed satisfaction with the services.""")

# The segmenter splits a foreign name (卢卡|库): still a name, rendered by a name ("Lukaku", not "Lukaku
# scored"), so "Lukaku broke" is no variant.
ZH_EN_SPLIT_NAME = ("""此役卢卡库梅开二度。
上半场卢卡库进球。
终场前卢卡库完成梅开二度。
下半场卢卡库突破防线。
国际米兰三比零获胜。""", """In the game, Lukaku scored twice.
In the first half, Lukaku scored.
Before the end, Lukaku scored twice.
In the second half, Lukaku broke through the defence.
Inter Milan won three to nil.""")

# An organisation's name (上海国资委, tagged nt) keeps its lower-case words; a name split in two words
# (Shang Hai) is its variant.
ZH_EN_ORGANISATION = ("""上海国资委宣布改革方案。
新华社记者从上海国资委获悉，改革方案已经获批。
上海国资委表示，改革将于明年完成。
专家认为，改革有利于企业发展。""", """The Shang Hai state assets commission announced a reform plan.
Xinhua reporters learned from the Shanghai state assets commission that the reform plan had been approved.
The Shanghai state assets commission said the reform would be completed next year.
Experts believe that the reform is good for the development of enterprises.""")

# The parts of a hyphenated compound in another construction (US-Konsulat / Konsulats der US): a
# near-variant. "US" is an acronym, not an inflected form of a word "u".
EN_DE_HYPHEN_PARTS = ("""The US Consulate in Chengdu was closed on Monday.
Staff left the US Consulate in the morning.
China ordered the closure of the US Consulate last week.
The decision angered Washington.""", """Das US-Konsulat in Chengdu wurde am Montag geschlossen.
Die Mitarbeiter verließen das US-Konsulat am Morgen.
China ordnete letzte Woche die Schließung des Konsulats der US an.
Die Entscheidung verärgerte Washington.""")

# A shortened mention ("census" after "US Census") is no variant, even though dropping a two-letter word
# is within the edit distance allowed for the linking letters of compounds.
ZH_EN_SHORTENED = ("""人口普查将于明年开始。
政府为人口普查拨款十亿美元。
专家说，人口普查数据对选区划分十分重要。
人口普查结果将于年底公布。
议员们对此表示支持。""", """The US Census will begin next year.
The government allocated one billion dollars for the US Census.
Experts say that census data are very important for drawing districts.
The results of the US Census will be published at the end of the year.
Lawmakers expressed support.""")

# German: a name does not grow by a verb in lower case („Cruz sagte“ / „sagte Cruz“ is word order of the
# sentence, not of the name).
EN_DE_NAME_VERB = ('Senator Cruz said the bill was a mistake.\n"We will vote against it," Cruz said on Tuesday.\nThe vote is expected next month, Cruz said.\n"It is a bad law," said Cruz.\nThe White House did not respond.', 'Senator Cruz sagte, das Gesetz sei ein Fehler.\n„Wir werden dagegen stimmen“, Cruz sagte am Dienstag.\nDie Abstimmung wird nächsten Monat erwartet, Cruz sagte.\n„Es ist ein schlechtes Gesetz“, sagte Cruz.\nDas Weiße Haus antwortete nicht.')

# A time expression ("last week": „letzte Woche“ / „vergangenen Woche“) is not a term.
EN_DE_TIME = ('The company announced its results last week.\nShares fell sharply last week after the announcement.\nAnalysts had warned last week that sales were weak.\nThe company will report again in October.', 'Das Unternehmen hat letzte Woche seine Ergebnisse bekannt gegeben.\nDie Aktien fielen letzte Woche nach der Ankündigung stark.\nAnalysten hatten in der vergangenen Woche gewarnt, dass der Umsatz schwach sei.\nDas Unternehmen wird im Oktober erneut berichten.')

# A one-word name kept inside longer names (Macquarie Australia, JC Decaux Australia) and translated
# alone („in Australien“): two names, not drift.
EN_DE_LONGER_NAMES = ('The fund was presented at a Macquarie Australia conference in May.\nMelbourne is the second largest airport contract in Australia.\nJC Decaux Australia made $37 million in revenue from transport.\nThe company declined to comment.', 'Der Fonds wurde im Mai auf einer Konferenz von Macquarie Australia vorgestellt.\nMelbourne ist der zweitgrößte Flughafenvertrag in Australien.\nJC Decaux Australia verbuchte Einnahmen von 37 Millionen Dollar aus dem Transportwesen.\nDas Unternehmen lehnte eine Stellungnahme ab.')

# A verb phrase ("offering help" / "offered help": one word in several tenses) is not a term, so its
# renderings in clauses of different word order („bieten Hilfe an“, „hat ebenfalls Hilfe angeboten“)
# are not drift.
EN_DE_VERB_PHRASE = ("Since Thursday, the family has been overwhelmed with support, many people offering help in cash and kind.\nThe family has also received help from locals.\nThe office of the opposition leader has also offered help.\nA woman from the mayor's office called and offered help.\nThe boy wants to become a doctor.", 'Seit Donnerstag wird die Familie mit Unterstützung überschüttet, viele Menschen bieten Hilfe in Form von Geld und Sachleistungen an.\nDie Familie hat auch Hilfe von Anwohnern erhalten.\nDas Büro des Oppositionsführers hat ebenfalls Hilfe angeboten.\nEine Frau aus dem Büro des Bürgermeisters rief an und bot Hilfe an.\nDer Junge möchte Arzt werden.')

# A variant is one phrase: two anchors with a verb between them („Press hat die Pressesprecherin“) are
# two phrases; only the compound is the variant.
EN_DE_VERB_BETWEEN_ANCHORS = ("The Associated Press has accused the press secretary of making briefings political.\nShe took over as press secretary in April.\nThe press secretary's relationship with the media has changed.\nThe role of the former press secretary was criticised too.\nReporters choose the questions.", 'Die Associated Press hat die Pressesprecherin beschuldigt, die Briefings politisch zu machen.\nSie übernahm im April das Amt des Pressesekretärs.\nDas Verhältnis des Pressesekretärs zu den Medien hat sich verändert.\nAuch die Rolle des ehemaligen Pressesekretärs wurde kritisiert.\nDie Reporter wählen die Fragen aus.')

# A name kept as it is ("IS" → „IS“) varies by another name, never by words all in lower case („immer
# noch einen syrischen“ after „der IS“ is the rest of the sentence).
EN_DE_KEPT_NAME = ('Some members have even joined the IS affiliate, which has its headquarters in eastern Afghanistan.\nThe report said IS in Afghanistan, known as IS in Khorasan province, has been hit hard by security forces.\nThe report estimated the membership of IS in Afghanistan at 2200, and while its leadership has been depleted, IS still counts among its leaders a Syrian national.\nThe deal is also expected to guarantee the participation of the Taliban in the fight against IS.', 'Einige Mitglieder haben sich sogar dem IS-Ableger angeschlossen, der sein Hauptquartier in Ostafghanistan hat.\nDem Bericht zufolge wurde der IS in Afghanistan, der in der Provinz Khorasan als IS bekannt ist, von Sicherheitskräften schwer getroffen.\nDer Bericht schätzt die Zahl der IS-Mitglieder in Afghanistan auf 2200, und obwohl die Führungsriege geschrumpft ist, zählt der IS immer noch einen syrischen Staatsbürger zu seinen Anführern.\nEs wird außerdem erwartet, dass das Abkommen die Beteiligung der Taliban am Kampf gegen den IS garantiert.')

# A name that starts longer names (上海 in 上海地产, 上海城投): the words another source word next to it
# explains better („Chengtou“ for 城投) do not lengthen its rendering, so "Shanghai" is the dominant
# rendering and the split "Shang Hai" its variant.
ZH_EN_NAME_IN_LONGER_NAMES = ('绿地开启新一轮混改，上海国资拟转让股份。\n公告显示，上海地产及上海城投拟通过公开征集受让方。\n绿地控股表示，公司将继续推进改革。\n上海地产、上海城投均为国资企业集团。\n分析人士认为，此举有利于优化股权结构。', 'Greenland launches a new round of mixed reform, and Shanghai state-owned assets will transfer shares.\nThe announcement shows that Shang Hai Land and Shanghai Chengtou Investment plan to find buyers through public solicitation.\nGreenland Holdings said the company would continue to push forward the reform.\nShanghai Land and Shanghai Chengtou Investment are both state-owned enterprise groups.\nAnalysts believe the move will help optimise the ownership structure.')

# A name described in common nouns, in another word order ("alliance of exhibitors" for "Exhibitor
# Alliance"), is a paraphrase, not the name respelt; a name kept in the reordering stays a near-variant
# (ZH_EN_NAME_REORDER: "province of Bac Giang").
ZH_EN_NAME_DESCRIBED = ('''进博会参展商联盟今天召开会议。
参展商联盟成员企业达到两百家。
参展商联盟将发布年度报告。
据介绍，参展商联盟由多家企业发起成立。
会议在上海举行。''', '''The Exhibitor Alliance of the Import Expo held a meeting today.
The Exhibitor Alliance now has two hundred member companies.
The Exhibitor Alliance will publish an annual report.
According to the introduction, the alliance of exhibitors was founded by several companies.
The meeting was held in Shanghai.''')

# A short noun rare in the language (中共, an abbreviation) is a term when the translation renders it by
# something specific ("Communist Party of China"); its reordering is then a near-variant.
ZH_EN_SHORT_NOUN_REORDERED = ('''中共与苏共情报人员联手实施了一项计划。
据介绍，中共情报人员在上海开展工作。
该剧讲述了中共隐蔽战线的故事。
观众对该剧评价很高。''', '''Intelligence staff of the Communist Party of China and the Soviet Union jointly carried out a plan.
According to the introduction, intelligence staff of the China Communist Party worked in Shanghai.
The drama tells the story of the covert front of the Communist Party of China.
The audience rated the drama highly.''')

# A short technical noun (防汛) rendered by a synonym once ("flood control" for "flood prevention") is a
# term, but a common noun's translation may vary with the sentence: only its form is checked. A common
# short noun (经济: economic, economy) is no term at all.
ZH_EN_SHORT_NOUN_SYNONYM = ('''各地防汛工作进入关键期。
水利部要求各地做好防汛准备。
防汛物资已经运抵灾区。
专家提醒，防汛任务依然艰巨。
经济发展不会受到影响，经济增长保持稳定，经济前景良好。''', '''Flood prevention work has entered a critical period across the country.
The Ministry of Water Resources asked all localities to prepare for flood prevention.
Flood prevention supplies have arrived in the disaster area.
Experts warn that the flood control task remains arduous.
Economic development will not be affected, the economy keeps growing steadily, and the economic outlook is good.''')

# A term in three units whose modifier was changed in one ("health observation"): in the other two a
# source word right next to the term (解除 of 解除医学观察) shares exactly the units of "medical" and wins
# it by the count alone, but "medical" stands right beside "observation" wherever it occurs, once per
# occurrence of the term: it is part of the rendering.
ZH_EN_BESIDE = ('''当日解除医学观察的密切接触者673人。
累计追踪到密切接触者779000人，尚在医学观察的密切接触者11762人。
当日解除医学观察10例，其中境外输入7例。
新增确诊病例5例。''', '''673 close contacts were released from medical observation on the same day.
A total of 779000 close contacts have been traced, and 11762 close contacts remain under health observation.
10 cases were released from medical observation on the same day, 7 of them imported.
5 new confirmed cases were reported.''')

# A name shared with the dominant rendering ("Tianjin" of "Tianjin College") is evidence even where a
# common noun of the unit (团队, in the same units as 天津大学) explains it exactly as well: a common noun
# does not translate as a name. Where the rival is a name too, the tie still holds (梅根 for "Meghan").
ZH_EN_NAME_TIE = ('''天津大学团队在碳捕集方面取得新进展。
燃煤电厂排放大量二氧化碳。
天津大学的团队反复开展实验。
膜分离技术能耗较低。
该方法操作简单。
该团队介绍，天津大学的技术得到广泛关注。
这项技术已申请专利。
相关论文已在国际期刊发表。''', '''The team at Tianjin University has made new progress in carbon capture.
Coal-fired power plants emit large amounts of carbon dioxide.
The team at Tianjin College carried out repeated experiments.
Membrane separation consumes little energy.
The method is simple to operate.
The team said the technology of Tianjin University has attracted wide attention.
This technology has been patented.
The paper has been published in an international journal.''')

# A modifier of the dominant rendering replaced by another word in its place ("health observation" for
# "medical observation") is the same thing named otherwise: drift (minor), though "health" is common
# elsewhere in the article. The head replaced ("trade talks" for "trade agreement", "talks" found
# elsewhere) is most often another thing: advice only.
ZH_EN_MODIFIER = ('''当日解除医学观察的密切接触者673人。
卫生部门表示，将加强卫生监测。
累计追踪到密切接触者779000人，尚在医学观察的密切接触者11762人。
当日解除医学观察10例，其中境外输入7例。
新增确诊病例5例。''', '''673 close contacts were released from medical observation on the same day.
The health department said it would strengthen health monitoring.
A total of 779000 close contacts have been traced, and 11762 close contacts remain under health observation.
10 cases were released from medical observation on the same day, 7 of them imported.
5 new confirmed cases were reported.''')
ZH_EN_HEAD = ('''中美两国代表就贸易协议举行会谈。
双方表示，贸易协议的第一阶段进展顺利。
会谈结束后，双方同意继续推进贸易协议。
分析人士认为，贸易协议将提振市场信心。
下一轮会谈将于下月举行。''', '''Representatives of China and the United States held talks on the trade agreement.
The two sides said the first phase of the trade agreement was progressing smoothly.
After the talks, the two sides agreed to continue to push forward the trade talks.
Analysts believe the trade agreement will boost market confidence.
The next round of talks will be held next month.''')

# A name whose own words are written in lower case in one unit ("state health and pandemic prevention"
# for "Public Health and Pandemic Prevention") is a phrase there: its slot grows by lower-case words. One
# lower-case word of the name is not enough ("patrolling the river" for "Longxi River": no variant).
ZH_EN_NAME_LOWER = ('''公共卫生防疫专委会今天成立。
公共卫生防疫专委会将发布指南。
企业联盟首次设立公共卫生防疫专区。
公共卫生防疫领域的企业积极参展。
展会将持续六天。''', '''The Public Health and Pandemic Prevention Committee was set up today.
The Public Health and Pandemic Prevention Committee will issue guidelines.
The enterprise alliance set up a special zone of state health and pandemic prevention for the first time.
Companies in the Public Health and Pandemic Prevention field are taking part actively.
The exhibition will last six days.''')
ZH_EN_NAME_ONE_LOWER = ('''龙溪河沿岸的村民自发组织巡河队。
巡河队员每天沿龙溪河巡查垃圾。
今年以来，龙溪河水质明显改善。
村民们说，巡查龙溪河已成为习惯。''', '''Villagers along the Longxi River have organised a river patrol.
Every day the patrol members check the Longxi River for rubbish.
Since the beginning of this year, the water quality of the Longxi River has improved markedly.
The villagers say patrolling the river has become a habit.''')

# A title quoted whole wherever it occurs (《胜算》, a rare short noun) is a name, not a common noun whose
# translation may vary; where the translation quotes its dominant rendering everywhere ("Winning Odds"),
# the one quoted span of a unit without it ("Chance") is the title renamed: minor, not advice.
ZH_EN_QUOTED_TITLE = ('''大型谍战剧《胜算》于7月16日晚登陆广东卫视。
《胜算》根据史实改编，素材取自苏联军事档案。
柳云龙此次在《胜算》中同时担任监制和男主角。
据了解，《胜算》制作上也十分精良。
剧组跨越三省拍摄取景。''', '''The large-scale spy drama "Winning Odds" landed on Guangdong Satellite TV on the evening of July 16.
"Winning Odds" is adapted from historical facts, with material taken from Soviet military archives.
Liu Yunlong is both producer and lead actor in "Winning Odds".
It is understood that the production of "Chance" is also very sophisticated.
The crew shot scenes across three provinces.''')

# A name replaced by another name that shares nothing with it ("Lau Ching Wan", the Cantonese spelling, for
# "Liu Qingyun"): the unit's one unexplained capitalised sequence is pointed at, as a minor issue. Not
# when the source of the unit names someone else too (董卓文): either name may be the new one.
ZH_EN_NAME_REPLACED = ('''演员刘青云出席了电影首映礼。
刘青云在片中饰演一名拆弹专家。
导演称赞刘青云的表演十分出色。
刘青云表示，拍摄过程非常辛苦。
影片将于下月上映。''', '''Actor Liu Qingyun attended the premiere of the film.
In the film Lau Ching Wan plays a bomb disposal expert.
The director praised Liu Qingyun for an outstanding performance.
Liu Qingyun said that the shooting was very hard.
The film will be released next month.''')
# Beside another name of the source (董卓文), the names are counted in order: two names in the source, two
# capitalised sequences in the target, so the term's place (first) points at "Lau Ching Wan". With one
# capitalised sequence more in the target ("Hong Kong Police") the count fails: no guess.
ZH_EN_NAME_REPLACED_TWO_NAMES = (ZH_EN_NAME_REPLACED[0].replace("一名拆弹专家", "好友董卓文"),
                                 ZH_EN_NAME_REPLACED[1].replace("a bomb disposal expert", "his friend Dong Zhuowen"))
ZH_EN_NAME_REPLACED_UNCOUNTED = target_changed(ZH_EN_NAME_REPLACED_TWO_NAMES, "Dong Zhuowen",
                                               "Dong Zhuowen of the Hong Kong Police")

# A target word that copies a source word outside the term ("Chendu", one letter off "Chengdu") is that
# word's rendering, not the term's, even where it shares all the term's units: "US consulate" is rendered
# „US-Konsulat“, so „Konsulat der US“ is its near-variant.
EN_DE_COPY_OF_A_NEIGHBOUR = ("""Tight security outside US consulate in Chengdu
There was a tight security presence outside the US consulate in the city of Chengdu on Sunday.
The editor of the Global Times said the US consulate in Chengdu was given 72 hours to close.
The staff left the building on Monday.""", """Strenge Sicherheit vor dem US-Konsulat in Chendu
Vor dem US-Konsulat in der Stadt Chendu gab es am Sonntag eine starke Sicherheitspräsenz.
Der Herausgeber der Global Times sagte, das Konsulat der US in Chendu habe 72 Stunden Zeit, um zu schließen.
Die Mitarbeiter verließen das Gebäude am Montag.""")

# One lemma, two words: "drove" (the verb) in one of the term's units does not make the noun "drive" a
# word seen elsewhere, so "drive" in place of "campaign" is the variant's own word: a major issue.
ZH_EN_LEMMA_COLLISION = ("""大型融媒体行动昨日在徐州启动。
两辆大篷车缓缓驶出徐州，参加大型融媒体行动。
大型融媒体行动是一项重要举措。
记者在现场进行了报道。""", """The large-scale media convergence campaign was launched in Xuzhou yesterday.
Two caravans slowly drove out of Xuzhou to join the large-scale media convergence campaign.
The large-scale media convergence drive is an important measure.
Reporters covered it on the spot.""")

# A quoted title and the quoted spans of the target: the title's place among the unit's source quotes
# points at the target quote in that place, when both sides have as many. Where the translation drops
# the title's quotes ("Auspicious Ruyi"), the one target quote left renders the other source quote
# (“一场天意”, "providence"): no quote-based guess, the lone name is pointed at instead.
ZH_EN_QUOTES_IN_ORDER = ("""大鹏导演《吉祥如意》入围金爵奖。
影片《吉祥如意》是大鹏导演的第一部现实题材作品。
据导演大鹏介绍，《吉祥如意》的创作源自“一场天意”。
毫无疑问《吉祥如意》是充满实验性的。""", """Dapeng's "Lucky Wishes" was shortlisted for the Golden Goblet Awards.
The film "Lucky Wishes" is the first realistic work directed by Dapeng.
According to Dapeng, the creation of "Auspicious Ruyi" originated from "providence".
There is no doubt that "Lucky Wishes" is full of experiments.""")

# A head noun the whole article uses ("exhibition", in most units) is associated with no term, so the
# rendering first found stops before it ("Graduates' Art"). The same word right after it, written alike,
# in most occurrences is its head: "Graduates' Art Exhibition", and the head changed is drift.
ZH_EN_HEAD_OF_THE_ARTICLE = ("""毕业生艺术展搬进商场公益展出。
一场难得的毕业生艺术展上周末温暖启幕。
这场毕业生艺术展征集了五十件作品。
展览空间从二层延伸至六层。
观众在展览中找到了毕业季的氛围。
主办方表示展览将持续一个月。
展览免费向公众开放。
展览还设有互动区。
展览期间将举办讲座。""", """Graduates' Art Exhibition Moves into a Shopping Mall.
A rare graduate art expo, the first in a mall, opened last weekend.
This graduates' art exhibition collected fifty works.
The exhibition space extends from the second to the sixth floor.
Visitors found the atmosphere of the graduation season in the exhibition.
The organisers said the exhibition will last a month.
The exhibition is free and open to the public.
The exhibition also has an interactive area.
Lectures will be held during the exhibition.""")

# A word jieba alone calls a name (张力, "tension": not in its dictionary) may or may not be one: names
# are counted in order both ways, and the way that counts up ("Auspicious Ruyi") is taken.
ZH_EN_GUESSED_NAME = (
    ZH_EN_QUOTES_IN_ORDER[0].replace("的创作源自“一场天意”。", "的创作源自“一场天意”，却释放出超越设计的张力。"),
    ZH_EN_QUOTES_IN_ORDER[1].replace('the creation of "Auspicious Ruyi" originated from "providence".',
                                     'the creation of Auspicious Ruyi originated from "providence", '
                                     'but it released a tension beyond design.'))

# Names counted in order: a capitalised sequence ending in another term's rendering found in the unit
# ("South Cathedral", 大教堂 "Cathedral") counts without it, and "Brunet" opening the sentence, a word
# of simplemma's dictionary, is counted both ways: 法国, 布鲁内, 南特 against "Brunet", "French", "South".
ZH_EN_NAME_BEFORE_A_RENDERING = ("""法国南特教堂大火：志愿者承认纵火。
当地时间26日，南特检察官宣布，一名志愿者已经被起诉。
7月18日，法国南特的大教堂在火灾中受损。
大教堂的管风琴完全毁坏。
大教堂的屋顶也受损。
法国历史保护建筑首席建筑师布鲁内认为，南特大教堂复原工作至少要有3年。""", """Church fire in Nantes, France: volunteer admits arson.
On the 26th local time, the Nantes prosecutor announced that a volunteer had been charged.
On July 18, the Cathedral in Nantes, France, was damaged in a fire.
The organ of the Cathedral was completely destroyed.
The roof of the Cathedral was also damaged.
Brunet, the chief architect of French historic buildings, believes that the restoration of the South Cathedral will take at least three years.""")

# Nouns and a two-character verb used as one noun (推动经济复苏, 对于经济复苏的: after a verb or a
# preposition, before 的 or a boundary) are a term: "economic recovery", and "financial recovery" is drift.
# A subject and its verb at the start of a clause (数据显示, "data show") are none.
ZH_EN_NOMINAL_COMPOUND = ("""亚太经合组织会议表示将推动经济复苏。
会议承诺减少疫情对本区域经济的影响，推动经济复苏。
联合声明表示，开放的贸易环境对于经济复苏的重要性不言而喻。
数据显示，区域贸易额有所下降。
各方同意明年再次举行会议。""", """The APEC meeting said it would promote economic recovery.
The meeting pledged to reduce the impact of the epidemic on the regional economy and promote economic recovery.
The joint statement said the importance of an open trade environment for the financial recovery is self-evident.
Data show that regional trade has declined.
The parties agreed to meet again next year.""")

# Two terms always seen together (中国政府 and 网络安全的坚定维护者) share every associated word, so each
# rendering is assigned jointly, by order: "Chinese government", "firm defender of cyber security". The
# source word of the same units (发言人) takes "spokesperson". The head changed in one unit is drift.
ZH_EN_TWIN_TERMS = ("""驻英使馆发言人：中国政府是网络安全的坚定维护者
发言人强调，中国政府是网络安全的坚定维护者，一贯反对任何形式的网络攻击。
发言人表示，中国政府是网络安全的坚定维护者，一贯反对任何形式的网络犯罪。
使馆呼吁各方停止无端指责。""", """Embassy spokesperson: the Chinese government is a firm defender of cyber security
The spokesperson stressed that the Chinese government is a firm defender of cyber security and has always opposed any form of cyber attacks.
The spokesperson said that the Chinese government is a company defender of cyber security and has always opposed any form of cyber crime.
The embassy called on all parties to stop groundless accusations.""")

# A country's name modifying a noun (菲律宾劳工) may be rendered by its adjective, which shares nothing with
# the name ("Filipino workers"): no lone name to point at.
ZH_EN_PLACE_ADJECTIVE = ('''菲律宾总统发表了国情咨文。
菲律宾经济今年有所恢复。
政府将帮助海外菲律宾劳工返乡。
菲律宾将加强与邻国的合作。''', '''The President of the Philippines delivered the State of the Nation Address.
The economy of the Philippines has recovered somewhat this year.
The government will help overseas Filipino workers return home.
The Philippines will strengthen cooperation with its neighbours.''')

# "According to" is a function phrase, not the verb "accord": the word "accord" of a variant ("trade accord")
# is not explained away by the source words of the units that start "According to the report".
ZH_EN_ACCORDING = ('''报导说，中方采购量距离贸易协议中承诺的数量仍有距离。
双方将评估中美第一阶段贸易协议的履行情况。
贸易协议在1月15日签署后一个月生效。
他说，这份贸易协议现在对他意义不大。
报导说，双方可能在8月会谈。''', '''According to the report, Chinese purchases are still far from the quantities promised in the trade agreement.
The two sides will assess the implementation of the first phase of the US-China trade accord.
The trade agreement took effect one month after it was signed on January 15.
He said that this trade agreement now means little to him.
According to the report, the two sides may hold talks in August.''')
# A Chinese name longer than five words (三江源国家公园管理局长江源园区可可西里管理处) is one term, not
# overlapping five-word pieces: its rendering written in another order is a near-variant.
ZH_EN_LONG_NAME = ('''记者从三江源国家公园管理局长江源园区可可西里管理处获悉，藏羚羊开始回迁。
据三江源国家公园管理局长江源园区可可西里管理处统计，回迁数量逐年上升。
三江源国家公园管理局长江源园区可可西里管理处已安排人员巡逻。
三江源国家公园管理局长江源园区可可西里管理处表示，将继续监测。
今年藏羚羊回迁数量为4860只。''', '''The reporter learned from the Hoh Xil Management Office of the Yangtze River Source Park that Tibetan antelopes have begun to return.
According to the Hoh Xil Management Office of the Yangtze River Source Park, the number returning has risen year by year.
The Yangtze River Source Park Hoh Xil Management Office has sent staff on patrol.
The Hoh Xil Management Office of the Yangtze River Source Park said that it would continue monitoring.
This year 4860 Tibetan antelopes returned.''')

# A name respelt beyond recognition ("Grivori" for "Grigory") beside another source name (越通社): the lone
# name alone would not be pointed at, but the context seen beside the rendering elsewhere ("believes that")
# points at the same word, so the two signals agree: minor, not advice.
ZH_EN_LONE_NAME_WITH_CONTEXT = ('''据越通社报道，格里沃里认为，越南为东盟的发展作出巨大贡献。
格里沃里表示，俄罗斯认为越南为东盟提高其地位做出贡献。
格里沃里认为，越南为俄罗斯与东盟的合作提供支持。
格里沃里建议扩大与东盟各国的自由贸易区。
格里沃里认为，俄罗斯与越南正在步入正轨。''', '''According to Vietnam News Agency, Grivori believes that Vietnam has made great contributions to the development of ASEAN.
Grigory said that Russia believes Vietnam has helped ASEAN raise its status.
Grigory believes that Vietnam supports cooperation between Russia and ASEAN.
Grigory suggested expanding the free trade zones with ASEAN countries.
Grigory believes that Russia and Vietnam are on the right track.''')

# A rendering of fourteen words (the whole name, "Sanjiangyuan National Park Administration ... Office") is
# found whole, and one of its parts reordered is a minor near-variant suggesting the whole name.
ZH_EN_LONG_RENDERING = ('''三江源国家公园管理局长江源园区可可西里管理处称，藏羚羊开始回迁。
据三江源国家公园管理局长江源园区可可西里管理处统计，回迁数量逐年上升。
三江源国家公园管理局长江源园区可可西里管理处已安排人员巡逻。
三江源国家公园管理局长江源园区可可西里管理处表示，将继续监测。
今年藏羚羊回迁数量为4860只。''', '''The Sanjiangyuan National Park Administration Yangtze River Source Park Hoh Xil Management Office said that Tibetan antelopes have begun to return.
According to the Sanjiangyuan National Park Administration Yangtze River Source Park Hoh Xil Management Office, the number returning has risen year by year.
The Sanjiangyuan National Park Administration Yangtze River Source Park Office of Hoh Xil Management has sent staff on patrol.
The Sanjiangyuan National Park Administration Yangtze River Source Park Hoh Xil Management Office said that it would continue monitoring.
This year 4860 Tibetan antelopes returned.''')

# Where the source itself writes a name's word in lower case ("the mujahed Mahmoud Guemama", a title used as
# a common noun), the translation may translate it („Mudschahed“): no drift there; written as a name in
# that place too, the same rendering is drift.
EN_DE_NAME_IN_LOWER_CASE = ('''Algeria loses today, by the death of Mujahed Mahmoud Guemama, a patriot.
The President praised Mujahed Mahmoud Guemama as a man of peace.
Words will not be enough to pay tribute to the mujahed Mahmoud Guemama.
He was buried on Saturday.''', '''Algerien verliert heute durch den Tod von Mujahed Mahmoud Guemama einen Patrioten.
Der Präsident lobte Mujahed Mahmoud Guemama als einen Mann des Friedens.
Worte reichen nicht aus, um dem Mudschahed Mahmoud Guemama Tribut zu zollen.
Er wurde am Samstag beerdigt.''')
EN_DE_NAME_TRANSLATED = (EN_DE_NAME_IN_LOWER_CASE[0].replace("the mujahed", "Mujahed"), EN_DE_NAME_IN_LOWER_CASE[1])

# A name the translation translates („Schottland“) and keeps as it is inside the name of a body ("Ice
# Scotland director"): the body's name, no drift; kept as it is in a plain mention, it is.
EN_DE_NAME_KEPT_IN_A_BODY = ('''A bridge linking Scotland and England has turned 200 years old.
The bridge is one of the oldest in Scotland.
The Institution of Civil Engineers has been marking the bicentenary in Scotland.
Ice Scotland director Hannah Smith praised the bridge.
Scotland has many old bridges.
Repairs will start next year.''', '''Eine Brücke, die Schottland und England verbindet, ist 200 Jahre alt geworden.
Die Brücke ist eine der ältesten in Schottland.
Die Institution of Civil Engineers feiert das 200-jährige Bestehen in Schottland.
Die Direktorin von Ice Scotland, Hannah Smith, lobte die Brücke.
Schottland hat viele alte Brücken.
Die Reparaturen beginnen im nächsten Jahr.''')
EN_DE_NAME_KEPT_PLAIN = target_changed(EN_DE_NAME_KEPT_IN_A_BODY, "ältesten in Schottland", "ältesten in Scotland")

# A name followed by another kind of place than usual (北江市, the city, beside 北江省, the province) is another
# place: "Bac Giang City" renders it and is no variant of "Bac Giang Province". Where the source has no
# city, the province rendered as a city is drift.
ZH_EN_OTHER_KIND = ('''到2020年底，北江省将具备吸引外资的必要条件。
此外，北江省将加快工业区基础设施建设。
北江省确定将发展工业园区集群。
未来，北江省将加快对北江市物流中心的投资。
在工业区，北江省着力呼吁高科技投资项目。''', '''By the end of 2020, Bac Giang Province will have the conditions needed to attract foreign capital.
In addition, Bac Giang Province will speed up the building of industrial zones.
Bac Giang Province has decided to develop industrial park clusters.
In the future, Bac Giang Province will speed up investment in the logistics centre of Bac Giang City.
In the industrial zones, Bac Giang Province calls for high-tech investment projects.''')
ZH_EN_KIND_CHANGED = (ZH_EN_OTHER_KIND[0].replace("对北江市物流中心", "对物流中心"), ZH_EN_OTHER_KIND[1].replace("Bac Giang Province will speed up investment in the logistics centre of Bac Giang City",
                                                   "Bac Giang City will speed up investment in the logistics centre"))

# A repeated clause (a verb in it: 时到达索南达杰保护站附近清水河区域) is no long name, whatever its length.
ZH_EN_CLAUSE_REPEATED = ("""据介绍，藏羚羊群7月下旬时到达索南达杰保护站附近清水河区域。
监测显示，羊群时到达索南达杰保护站附近清水河区域后将继续北上。
工作人员说，羊群时到达索南达杰保护站附近清水河区域需要两天。
保护站将加强巡护。""", """It is reported that the herds of Tibetan antelopes reach the Qingshui River area near the Sonam Dargye station in late July.
Monitoring shows that after the herds reach the Qingshuihe area near the Sonam Dargye station they continue north.
Staff said that the herds need two days to reach the Qingshui River area near the Sonam Dargye station.
The station will step up patrols.""")

# Two renderings in three units each: the one written more often (four „Rekonvaleszenzplasma“, one unit has
# two) is the usual one, whichever comes first in the alphabet.
EN_DE_TIE_OF_UNITS = ('In particular, convalescent plasma has still to be tested in a large trial.\nDoctors in the United States have used convalescent plasma widely.\nMany hospitals hope that convalescent plasma will save lives.\nLandray said the failure was exasperating when it came to the use of convalescent plasma.\nPatients got convalescent plasma in a cohort, so nobody knows the effect of convalescent plasma.\nHorby added that a trial of convalescent plasma has now begun.', 'Insbesondere das Rekonvaleszenzplasma muss noch in einer großen Studie getestet werden.\nÄrzte in den Vereinigten Staaten haben Genesungsplasma häufig verwendet.\nViele Krankenhäuser hoffen, dass Genesungsplasma Leben rettet.\nLandray sagte, das Versagen sei ärgerlich, wenn es um die Verwendung von Rekonvaleszenzplasma gehe.\nPatienten erhielten Rekonvaleszenzplasma in einer Kohorte, daher kennt niemand die Wirkung von Rekonvaleszenzplasma.\nHorby fügte hinzu, dass nun eine Studie mit Genesungsplasma begonnen hat.')

# A term nested in another, found more often, settles which rendering is usual: "press secretary" is
# "British" kept inside "British Airways" twice, translated inside another body's name ("Association of
# British Travel Agents", „Verband der Britischen Reiseveranstalter“): two names, no drift; a misspelling
# („Brittish“) is drift wherever it sits.
EN_DE_NAME_IN_TWO_BODIES = ('Airlines including British Airways have criticised the new measures as another blow to holidaymakers.\nBritish Airways said it was disappointed about the latest changes to the travel advice.\nA spokesman for the Association of British Travel Agents said the change was disappointing.\nThe government said the rules would be reviewed next week.\nPassengers were advised to check their flights.', 'Fluggesellschaften, darunter British Airways, haben die neuen Maßnahmen als weiteren Schlag für Urlauber kritisiert.\nBritish Airways erklärte, sie sei enttäuscht über die jüngsten Änderungen der Reisehinweise.\nEin Sprecher des Verbandes der Britischen Reiseveranstalter sagte, die Änderung sei enttäuschend.\nDie Regierung sagte, die Regeln würden nächste Woche überprüft.\nDen Passagieren wurde geraten, ihre Flüge zu prüfen.')

# "Islamic" is found in "Islamic State" three times and in "Islamic holiday" once: its rendering is
# „Islamischer“, not „Islamischer Staat“ („Staat“ is State's), so „islamischen Feiertag“ is no drift of it.
EN_DE_NESTED_ADJECTIVE = ('The group has linked up with the Afghan affiliate of the Islamic State group, the report said.\nThe report said two senior Islamic State commanders had recently arrived in Afghanistan.\nAlthough in retreat, the Islamic State remains capable of carrying out attacks in the country, including Kabul.\nThe Taliban said it was ready to hold talks after the Islamic holiday of Eid al-Adha at the end of the month.\nThe government said the prisoner release would go on.\nThe state of the talks was unclear.\nOfficials in the state of Punjab agreed.\nReporters were not allowed into the building.', 'Die Gruppe habe sich mit dem afghanischen Ableger der Gruppe Islamischer Staat verbündet, hieß es in dem Bericht.\nDem Bericht zufolge sind zwei hochrangige Kommandeure der Gruppe Islamischer Staat kürzlich in Afghanistan angekommen.\nObwohl sie sich zurückzieht, bleibt die Gruppe Islamischer Staat fähig, Anschläge im Land zu verüben, auch in Kabul.\nDie Taliban erklärten, sie seien bereit, nach dem islamischen Feiertag Eid al-Adha Ende des Monats Gespräche zu führen.\nDer Staat erklärte, die Freilassung der Gefangenen werde fortgesetzt.\nDer Stand der Gespräche war unklar.\nBeamte im Bundesland Punjab stimmten zu.\nReporter durften das Gebäude nicht betreten.')

# „Pressesekretär“ three times, so „Pressesprecherin“ is flagged, and "White House press secretary" (twice
# „Pressesprecherin des Weißen Hauses“) does not flag „Pressesekretärs des Weißen Hauses“ the other way.
EN_DE_NESTED_TERMS_DISAGREE = ("AP blasts White House press secretary Kayleigh McEnany for political briefings.\nThe Associated Press has accused White House press secretary Kayleigh McEnany of making her briefings political.\nMcEnany gave her first briefing on May 1 after taking over as press secretary in April.\nThe White House press secretary's relationship with the media has changed in the Trump era.\nA roast of former press secretary Sarah Sanders by a comedian was vicious.\nReporters choose the questions.", 'AP kritisiert die Pressesprecherin des Weißen Hauses Kayleigh McEnany für politische Briefings.\nDie Associated Press hat die Pressesprecherin des Weißen Hauses, Kayleigh McEnany, beschuldigt, ihre Briefings politisch zu machen.\nMcEnany gab ihr erstes Briefing am 1. Mai, nachdem sie im April das Amt des Pressesekretärs übernommen hatte.\nDas Verhältnis des Pressesekretärs des Weißen Hauses zu den Medien hat sich in der Ära Trump verändert.\nDer Spott eines Komikers über die Arbeit des ehemaligen Pressesekretärs Sarah Sanders war bösartig.\nDie Reporter wählen die Fragen aus.')

# A name's rendering grows by the given name before it in most of its occurrences ("Mr Blair" rendered
# „Tony Blair“): a respelt given name is then a variant („Toni Blair“). The same word inflected before it
# („des Kanzlers Scholz“) is no given name respelt.
EN_DE_GIVEN_NAME_RESPELT = ('Tony Blair vows never to stop meddling in British politics.\nTony Blair has pledged not to stop intervening in UK politics.\nMr Blair, who has been out of office for more than ten years, spoke to Sky News.\nSophy Ridge told Mr Blair that he cannot wrench himself away from politics.\nEarlier in the interview, Mr Blair said that a deal could still be reached.', 'Tony Blair gelobt, sich weiterhin in die britische Politik einzumischen.\nToni Blair hat versprochen, sich weiterhin in die Politik des Vereinigten Königreichs einzumischen.\nTony Blair, der seit über zehn Jahren nicht mehr im Amt ist, sprach mit Sky News.\nSophy Ridge sagte Tony Blair, dass er sich nicht von der Politik losreißen könne.\nTony Blair hatte vorher im Interview gesagt, dass noch ein Abkommen erreicht werden könne.')
# A short given name one letter off beside the surname kept as it is („Raul Gandhi“ for "Rahul Gandhi"): the
# variant is the name, not the title before it („des Kongressführers“ renders "Congress leader").
EN_DE_SHORT_GIVEN_NAME_RESPELT = ("Congress leader Rahul Gandhi visited the family on Sunday.\nRahul Gandhi's office has also called and offered support.\nCongress leader Rahul Gandhi's office and the chief minister have also offered help.\nThe family thanked Rahul Gandhi for his support.", "Der Kongressvorsitzende Rahul Gandhi besuchte die Familie am Sonntag.\nDas Büro von Rahul Gandhi hat ebenfalls angerufen und Unterstützung angeboten.\nDas Büro des Kongressführers Raul Gandhi und der Ministerpräsident haben ebenfalls Hilfe angeboten.\nDie Familie dankte Rahul Gandhi für seine Unterstützung.")
EN_DE_TITLE_INFLECTED = ('Chancellor Scholz visited Paris on Monday.\nChancellor Scholz met the French president.\nThe visit of Chancellor Scholz lasted two days.\nChancellor Scholz returned to Berlin on Wednesday.', 'Kanzler Scholz besuchte am Montag Paris.\nKanzler Scholz traf den französischen Präsidenten.\nDer Besuch des Kanzlers Scholz dauerte zwei Tage.\nKanzler Scholz kehrte am Mittwoch nach Berlin zurück.')

# A list the translation factors under one head ("outside Sydney Airport, Adelaide Airport and Darwin
# Airport": „außerhalb der Flughäfen von Sydney, Adelaide und Darwin“) is the grammar of the list, no
# near-variant of „Flughafen Sydney“; the same words alone are one. („Flughäfen“, the plural, is no
# orthographic variant of „Flughafen“ either.)
EN_DE_FACTORED_LIST = ('Sydney Airport reopened on Monday after the storm.\nFlights from Sydney Airport resumed at noon.\nThe company has billboards outside Sydney Airport, Adelaide Airport and Darwin Airport.\nSydney Airport expects more passengers next year.', 'Der Flughafen Sydney wurde am Montag nach dem Sturm wieder geöffnet.\nDie Flüge vom Flughafen Sydney wurden am Mittag wieder aufgenommen.\nDas Unternehmen hat Werbetafeln außerhalb der Flughäfen von Sydney, Adelaide und Darwin.\nDer Flughafen Sydney erwartet im nächsten Jahr mehr Passagiere.')

# A name the source spells and the translation keeps: its exact copy ("Chengdu", twice) is the usual
# rendering and the suggestion, not a respelling German does not know („Chendu“, three times).
EN_DE_COPY_BEATS_MISSPELLING = ('Tight security outside the consulate in Chengdu, China.\nThere was a tight security presence in the city of Chengdu on Sunday.\nThe editor tweeted that the consulate in Chengdu was given 72 hours to close.\nSome personnel at the Chengdu consulate were accused of spying.\nThe order to close the consulate in Chengdu was issued on Friday.', 'Starke Sicherheitspräsenz vor dem Konsulat in Chendu, China.\nIn der Stadt Chendu gab es am Sonntag eine starke Sicherheitspräsenz.\nDer Herausgeber twitterte, das Konsulat in Chendu habe 72 Stunden Zeit zum Schließen.\nEinigen Mitarbeitern des Konsulats von Chengdu wurde Spionage vorgeworfen.\nDie Anordnung, das Konsulat in Chengdu zu schließen, erging am Freitag.')

# Japanese: Sudachi's words (terms/ja.py) with jieba's tags, so terms out of and into Japanese are found as out
# of Chinese. マイナ保険証 ("My Number" health insurance card) rendered once with another name for the card;
# the slot stops at the article that opens its noun phrase ("reading the ⟦Individual Number …⟧"), out of
# Japanese as out of Chinese.
JA_EN_MYNUMBER = ("""厚生労働省は12月2日から、マイナ保険証への本格移行を始める。
従来の健康保険証は新規発行が停止され、マイナ保険証が基本となる。
河野太郎デジタル相は記者会見で、マイナ保険証の利用率が上昇していると強調した。
一方、医療機関の一部では、マイナ保険証の読み取りでトラブルが相次いでいる。
政府は、マイナ保険証を持たない人には資格確認書を発行する方針だ。""", """The Ministry of Health, Labour and Welfare will begin the full transition to the My Number health insurance card on December 2.
New issuance of conventional health insurance cards will stop, and the My Number health insurance card will become the standard.
At a press conference, Digital Minister Taro Kono stressed that usage of the My Number health insurance card is rising.
Meanwhile, some medical institutions have reported repeated problems reading the Individual Number health insurance card.
The government plans to issue eligibility certificates to people who do not have the My Number health insurance card.""")
ZH_EN_MYNUMBER = ("""日本厚生劳动省将从12月2日起全面过渡到个人编号医保卡。
传统健康保险证将停止新发，个人编号医保卡将成为标准。
数字大臣河野太郎在记者会上强调，个人编号医保卡的使用率正在上升。
另一方面，一些医疗机构在读取个人编号医保卡时接连出现问题。
政府计划向没有个人编号医保卡的人发放资格确认书。""", JA_EN_MYNUMBER[1])

# 再生可能エネルギー in French: « l'énergie renouvelable », « les énergies renouvelables » are one rendering
# (inflection), « énergies vertes » another.
JA_FR_RENEWABLE = ("""政府は2030年までに再生可能エネルギーの比率を倍増させる計画を発表した。
再生可能エネルギーの導入には送電網の強化が欠かせない。
経済産業省によると、再生可能エネルギーへの投資は昨年過去最高に達した。
専門家は、再生可能エネルギーの普及には規制緩和が必要だと指摘する。""", """Le gouvernement a annoncé un plan visant à doubler la part des énergies renouvelables d'ici 2030.
Le développement de l'énergie renouvelable exige un renforcement du réseau électrique.
Selon le ministère de l'Économie, les investissements dans les énergies renouvelables ont atteint un record l'an dernier.
Les experts estiment qu'un assouplissement de la réglementation est nécessaire à la diffusion des énergies vertes.""")

# Into Japanese: デジタル省 ("Digital Ministry") for デジタル庁 ("Digital Agency"), one part of the compound
# changed (Sudachi's short units: デジタル / 庁, デジタル / 省).
EN_JA_DIGITAL_AGENCY = ("""The Digital Agency was launched in September 2021 to speed up the digitalisation of government services.
Critics say the Digital Agency has struggled to fix errors in the My Number system.
The minister in charge of the Digital Agency apologised for the errors on Tuesday.
The Digital Agency will double its staff by next year.""", """デジタル庁は、行政サービスのデジタル化を加速するため、2021年9月に発足した。
批判派は、デジタル省がマイナンバー制度の誤りの修正に苦労していると指摘する。
デジタル庁を担当する大臣は火曜日、誤りについて謝罪した。
デジタル庁は来年までに職員を倍増させる。""")

# Korean: Kiwi's morphemes (terms/ko.py), so that a noun is one word whatever particle it carries (제도는,
# 제도가, 제도의: "system").
KO_EN_CHILD_SUPPORT = ("""정부는 월요일 새로운 육아 지원 제도를 발표했다.
육아 지원 제도는 내년 4월에 시작될 예정이다.
총리는 육아 지원 제도가 출산율 하락을 막을 것이라고 말했다.
야당은 육아 지원 제도의 재원이 불분명하다고 비판했다.
전문가들은 육아 지원 제도의 효과가 제한적일 것으로 보고 있다.""", """The government announced a new child-rearing support system on Monday.
The child-rearing support system is scheduled to start next April.
The prime minister said the child-rearing aid system would halt the decline in the birth rate.
The opposition criticised the funding of the child-rearing support system as unclear.
Experts believe the effects of the child-rearing support system will be limited.""")
EN_KO_CHILD_SUPPORT = ("""The government announced a new Child Support System on Monday.
The Child Support System is scheduled to start next April.
The prime minister said the Child Support System would halt the decline in the birth rate.
The opposition criticised the funding of the Child Support System as unclear.
Experts believe the effects of the Child Support System will be limited.""", """정부는 월요일 새로운 아동 지원 제도를 발표했다.
아동 지원 제도는 내년 4월에 시작될 예정이다.
총리는 아동 보조 제도가 출산율 하락을 막을 것이라고 말했다.
야당은 아동 지원 제도의 재원이 불분명하다고 비판했다.
전문가들은 아동 지원 제도의 효과가 제한적일 것으로 보고 있다.""")

# (article, languages, expected: [(flagged target substring, source term, suggestion, severity)])
CASES = [
    pytest.param(ZH_FR_CENTRE, ("zh", "fr"), [
        ("Centre pour le développement global", "全球发展促进中心", "Centre de promotion du développement mondial", "major"),
    ], id="zh-fr-shared-head"),
    pytest.param(ZH_FR_PLAN_CONSISTENT, ("zh", "fr"), [], id="zh-fr-inflection-and-short-mention"),
    pytest.param(ZH_FR_CAPACITY, ("zh", "fr"), [
        ("renforcement des capacités en intelligence artificielle", "人工智能能力建设",
         "renforcement des capacités en matière d'intelligence artificielle", "minor"),
    ], id="zh-fr-near-variant"),
    pytest.param(ZH_EN_WESEL, ("zh", "en"), [
        ("Wessel County", "韦瑟尔", "Wesel County", "major"),
    ], id="zh-en-name-spelling"),
    pytest.param(ZH_EN_VISIT_CONSISTENT, ("zh", "en"), [], id="zh-en-consistent"),
    pytest.param(EN_DE_CLIMATE_FUND, ("en", "de"), [
        ("Klimakasse", "Climate Fund", "Klimafonds", "minor"),
    ], id="en-de-compound-head"),
    pytest.param(EN_DE_RIVERS_CONSISTENT, ("en", "de"), [], id="en-de-inflection"),
    pytest.param(EN_FR_BELT_AND_NATO, ("en", "fr"), [
        ("Organisation du traité de l'Atlantique nord", "NATO", "OTAN", "minor"),
    ], id="en-fr-short-mention-and-acronym"),
    pytest.param(EN_FR_NATO_CONSISTENT, ("en", "fr"), [], id="en-fr-source-alternates"),
    pytest.param(EN_ES_MINISTRY, ("en", "es"), [
        ("Ministerio de Salud", "Ministry of Health", "Ministerio de Sanidad", "major"),
    ], id="en-es-substituted-word"),
    pytest.param(EN_ES_ECB_CONSISTENT, ("en", "es"), [], id="en-es-consistent"),
    pytest.param(EN_DE_RESPELT, ("en", "de"), [("Moulla", "Moula", "Moula", "major")], id="en-de-respelt-name"),
    pytest.param(EN_DE_COPY_COMPOUNDS, ("en", "de"), [], id="en-de-copy-in-compounds"),
    pytest.param(EN_DE_COPY_RIVAL, ("en", "de"), [("Pillot", "Pilot", "Pilot", "major")], id="en-de-copy-and-rival"),
    pytest.param(ZH_EN_PARAPHRASE, ("zh", "en"), [], id="zh-en-common-noun-reordered"),
    pytest.param(ZH_EN_NAME_REORDER, ("zh", "en"), [
        ("province of Bac Giang", "北江省", "Bac Giang province", "minor"),
    ], id="zh-en-name-reordered"),
    pytest.param(ZH_EN_HEADLINE, ("zh", "en"), [
        ("large-scale media convergence drive", "大型融媒体行动", "Large-Scale Media Convergence Campaign", "major"),
    ], id="zh-en-title-case-headline"),
    pytest.param(ZH_EN_NAME_GROWS, ("zh", "en"), [], id="zh-en-name-not-grown-by-verb"),
    pytest.param(ZH_EN_APOSTROPHE, ("zh", "en"), [("Yanan", "延安", "Yan'an", "minor")], id="zh-en-apostrophe-name"),
    pytest.param(ZH_EN_SPLIT_NAME, ("zh", "en"), [], id="zh-en-name-split-by-segmenter"),
    pytest.param(ZH_EN_ORGANISATION, ("zh", "en"), [
        ("Shang Hai state assets commission", "上海国资委", "Shanghai state assets commission", "major"),
    ], id="zh-en-organisation-name"),
    pytest.param(EN_DE_HYPHEN_PARTS, ("en", "de"), [
        ("Konsulats der US", "US Consulate", "US-Konsulat", "minor"),
    ], id="en-de-hyphen-compound-parts"),
    pytest.param(ZH_EN_SHORTENED, ("zh", "en"), [], id="zh-en-shortened-mention-of-two-words"),
    pytest.param(EN_DE_NAME_VERB, ("en", "de"), [], id="en-de-name-not-grown-by-verb"),
    pytest.param(EN_DE_TIME, ("en", "de"), [], id="en-de-time-expression"),
    pytest.param(EN_DE_LONGER_NAMES, ("en", "de"), [], id="en-de-name-kept-in-longer-names"),
    pytest.param(EN_DE_VERB_PHRASE, ("en", "de"), [], id="en-de-verb-phrase-is-no-term"),
    pytest.param(EN_DE_KEPT_NAME, ("en", "de"), [], id="en-de-kept-name-varies-by-a-name"),
    pytest.param(ZH_EN_NAME_IN_LONGER_NAMES, ("zh", "en"), [("Shang Hai", "上海", "Shanghai", "minor")],
                 id="zh-en-name-starting-longer-names"),
    pytest.param(ZH_EN_NAME_DESCRIBED, ("zh", "en"), [], id="zh-en-name-described-in-common-nouns"),
    pytest.param(ZH_EN_BESIDE, ("zh", "en"), [
        ("health observation", "医学观察", "medical observation", "major"),
    ], id="zh-en-word-beside-the-rendering-wherever-it-occurs"),
    pytest.param(ZH_EN_NAME_TIE, ("zh", "en"), [
        ("Tianjin College", "天津大学", "Tianjin University", "major"),
    ], id="zh-en-name-tied-with-a-common-noun"),
    pytest.param(ZH_EN_MODIFIER, ("zh", "en"), [
        ("health observation", "医学观察", "medical observation", "minor"),
    ], id="zh-en-modifier-substituted"),
    pytest.param(ZH_EN_HEAD, ("zh", "en"), [
        ("trade talks", "贸易协议", "trade agreement", "info"),
    ], id="zh-en-head-substituted-is-advice"),
    pytest.param(ZH_EN_NAME_LOWER, ("zh", "en"), [
        ("state health and pandemic prevention", "公共卫生防疫", "Public Health and Pandemic Prevention", "major"),
    ], id="zh-en-name-written-in-lower-case"),
    pytest.param(ZH_EN_NAME_ONE_LOWER, ("zh", "en"), [], id="zh-en-one-lower-case-word-of-a-name"),
    pytest.param(ZH_EN_QUOTED_TITLE, ("zh", "en"), [("Chance", "胜算", "Winning Odds", "minor")],
                 id="zh-en-quoted-title-renamed"),
    pytest.param(ZH_EN_SHORT_NOUN_REORDERED, ("zh", "en"), [
        ("China Communist Party", "中共", "Communist Party of China", "minor"),
    ], id="zh-en-short-noun-with-a-specific-rendering"),
    pytest.param(ZH_EN_SHORT_NOUN_SYNONYM, ("zh", "en"), [], id="zh-en-short-noun-synonym-is-not-drift"),
    pytest.param(EN_DE_VERB_BETWEEN_ANCHORS, ("en", "de"), [
        ("Pressesprecherin", "press secretary", "Pressesekretärs", "minor"),
    ], id="en-de-variant-does-not-span-a-verb"),
    pytest.param(ZH_EN_NAME_REPLACED, ("zh", "en"), [("Lau Ching Wan", "刘青云", "Liu Qingyun", "minor")],
                 id="zh-en-name-replaced-by-another-name"),
    pytest.param(ZH_EN_NAME_REPLACED_TWO_NAMES, ("zh", "en"), [("Lau Ching Wan", "刘青云", "Liu Qingyun", "minor")],
                 id="zh-en-name-replaced-beside-another-name-counted-in-order"),
    pytest.param(ZH_EN_NAME_REPLACED_UNCOUNTED, ("zh", "en"), [], id="zh-en-name-replaced-names-do-not-count-up"),
    # The limit of counting in order: a translation that puts the names in another order is pointed at the
    # wrong one (a minor guess; the unit does lack the dominant rendering).
    pytest.param(target_changed(ZH_EN_NAME_REPLACED_TWO_NAMES, "In the film Lau Ching Wan plays his friend Dong Zhuowen",
                                "Dong Zhuowen is played by his friend Lau Ching Wan in the film"),
                 ("zh", "en"), [("Dong Zhuowen", "刘青云", "Liu Qingyun", "minor")],
                 id="zh-en-names-reordered-point-at-the-wrong-one"),
    pytest.param(EN_DE_COPY_OF_A_NEIGHBOUR, ("en", "de"), [
        ("Konsulat der US", "US consulate", "US-Konsulat", "minor"),
    ], id="en-de-copy-of-a-neighbouring-source-word-is-not-the-term-s"),
    pytest.param(target_changed(EN_DE_COPY_OF_A_NEIGHBOUR, "das Konsulat der US", "das US-Konsulat"),
                 ("en", "de"), [], id="en-de-copy-of-a-neighbour-consistent"),
    pytest.param(ZH_EN_LEMMA_COLLISION, ("zh", "en"), [
        ("large-scale media convergence drive", "大型融媒体行动", "large-scale media convergence campaign", "major"),
    ], id="zh-en-lemma-shared-by-a-verb-elsewhere"),
    pytest.param(ZH_EN_QUOTES_IN_ORDER, ("zh", "en"), [("Auspicious Ruyi", "吉祥如意", "Lucky Wishes", "minor")],
                 id="zh-en-quoted-title-among-two-quotes"),
    pytest.param(target_changed(ZH_EN_QUOTES_IN_ORDER, '"Auspicious Ruyi"', "Auspicious Ruyi"),
                 ("zh", "en"), [("Auspicious Ruyi", "吉祥如意", "Lucky Wishes", "minor")],
                 id="zh-en-quoted-title-unquoted-in-the-target"),
    pytest.param(ZH_EN_HEAD_OF_THE_ARTICLE, ("zh", "en"), [
        ("graduate art expo", "毕业生艺术展", "Graduates' Art Exhibition", "major"),
    ], id="zh-en-head-noun-of-the-whole-article"),
    pytest.param(target_changed(ZH_EN_HEAD_OF_THE_ARTICLE, "art expo", "art exhibition"),
                 ("zh", "en"), [], id="zh-en-head-noun-of-the-whole-article-consistent"),
    pytest.param(ZH_EN_GUESSED_NAME, ("zh", "en"), [("Auspicious Ruyi", "吉祥如意", "Lucky Wishes", "minor")],
                 id="zh-en-names-in-order-beside-a-guessed-name"),
    pytest.param(ZH_EN_NAME_BEFORE_A_RENDERING, ("zh", "en"), [("South", "南特", "Nantes", "minor")],
                 id="zh-en-names-in-order-beside-another-term-s-rendering"),
    pytest.param(target_changed(ZH_EN_NAME_BEFORE_A_RENDERING, "South Cathedral", "Nantes Cathedral"),
                 ("zh", "en"), [], id="zh-en-names-in-order-consistent"),
    pytest.param(ZH_EN_NOMINAL_COMPOUND, ("zh", "en"), [
        ("financial recovery", "经济复苏", "economic recovery", "major"),
    ], id="zh-en-noun-and-verb-used-as-a-noun"),
    pytest.param(target_changed(ZH_EN_NOMINAL_COMPOUND, "financial", "economic"),
                 ("zh", "en"), [], id="zh-en-noun-and-verb-used-as-a-noun-consistent"),
    pytest.param(ZH_EN_TWIN_TERMS, ("zh", "en"), [
        ("company defender of cyber security", "网络安全的坚定维护者", "firm defender of cyber security", "major"),
    ], id="zh-en-twin-terms-assigned-jointly"),
    pytest.param(target_changed(ZH_EN_TWIN_TERMS, "company defender", "firm defender"), ("zh", "en"), [],
                 id="zh-en-twin-terms-consistent"),
    # A common-noun phrase may swap its two halves ("X of Y" / "Y X"), not shuffle its words, nor join
    # them by "and" (two things).
    pytest.param(target_changed(ZH_EN_TWIN_TERMS, "a company defender of cyber security",
                                "a cyber firm defender security"), ("zh", "en"),
                 [("cyber firm defender security", "网络安全的坚定维护者", "firm defender of cyber security", "minor")],
                 id="zh-en-phrase-words-shuffled"),
    pytest.param(target_changed(ZH_EN_TWIN_TERMS, "a company defender of cyber security",
                                "a cyber security firm defender"), ("zh", "en"), [],
                 id="zh-en-phrase-halves-swapped-is-a-paraphrase"),
    pytest.param(target_changed(ZH_EN_TWIN_TERMS, "a company defender of cyber security",
                                "a firm defender and cyber security"), ("zh", "en"), [],
                 id="zh-en-phrase-coordinated-is-two-things"),
    pytest.param(ZH_EN_PLACE_ADJECTIVE, ("zh", "en"), [], id="zh-en-place-name-rendered-by-its-adjective"),
    pytest.param(ZH_EN_ACCORDING, ("zh", "en"), [("trade accord", "贸易协议", "trade agreement", "major")],
                 id="zh-en-function-phrase-is-no-content-word"),
    pytest.param(ZH_EN_LONG_NAME, ("zh", "en"), [
        ("Yangtze River Source Park Hoh Xil Management Office", "三江源国家公园管理局长江源园区可可西里管理处",
         "Hoh Xil Management Office of the Yangtze River Source Park", "minor"),
    ], id="zh-en-name-longer-than-five-words"),
    pytest.param(ZH_EN_LONE_NAME_WITH_CONTEXT, ("zh", "en"), [("Grivori", "格里沃里", "Grigory", "minor")],
                 id="zh-en-lone-name-backing-a-context-guess"),
    pytest.param(ZH_EN_LONG_RENDERING, ("zh", "en"), [
        ("Sanjiangyuan National Park Administration Yangtze River Source Park Office of Hoh Xil Management",
         "三江源国家公园管理局长江源园区可可西里管理处",
         "Sanjiangyuan National Park Administration Yangtze River Source Park Hoh Xil Management Office", "minor"),
    ], id="zh-en-rendering-of-fourteen-words"),
    pytest.param(EN_DE_NAME_IN_LOWER_CASE, ("en", "de"), [], id="en-de-source-writes-the-name-in-lower-case"),
    pytest.param(EN_DE_NAME_TRANSLATED, ("en", "de"), [
        ("Mudschahed Mahmoud Guemama", "Mujahed Mahmoud Guemama", "Mujahed Mahmoud Guemama", "major"),
    ], id="en-de-name-translated-in-one-place"),
    pytest.param(EN_DE_NAME_KEPT_IN_A_BODY, ("en", "de"), [], id="en-de-name-kept-in-a-body-s-name"),
    pytest.param(EN_DE_NAME_KEPT_PLAIN, ("en", "de"), [("Scotland", "Scotland", "Schottland", "major")],
                 id="en-de-name-kept-in-a-plain-mention"),
    pytest.param(ZH_EN_OTHER_KIND, ("zh", "en"), [], id="zh-en-name-of-another-kind-of-place"),
    pytest.param(ZH_EN_KIND_CHANGED, ("zh", "en"), [("Bac Giang City", "北江省", "Bac Giang Province", "major")],
                 id="zh-en-province-rendered-as-a-city"),
    pytest.param(EN_DE_TIE_OF_UNITS, ("en", "de"),
                 [("Genesungsplasma", "convalescent plasma", "Rekonvaleszenzplasma", "major")] * 3,
                 id="en-de-tie-of-units-goes-to-the-more-frequent-rendering"),
    pytest.param(EN_DE_NESTED_ADJECTIVE, ("en", "de"), [], id="en-de-word-of-a-longer-term-rendered-without-its-other-words"),
    pytest.param(EN_DE_NAME_IN_TWO_BODIES, ("en", "de"), [], id="en-de-name-kept-in-one-body-translated-in-another"),
    pytest.param(target_changed(EN_DE_NAME_IN_TWO_BODIES, "der Britischen Reiseveranstalter", "der Brittish Travel Agents"),
                 ("en", "de"), [("Brittish", "British", "British", "major")], id="en-de-name-misspelt-in-another-body"),
    pytest.param(target_changed(EN_DE_NESTED_ADJECTIVE, "Gruppe Islamischer Staat fähig", "Gruppe Islamische Miliz fähig"),
                 ("en", "de"), [("Gruppe Islamische Miliz", "Islamic State", "Gruppe Islamischer Staat", "major")],
                 id="en-de-longer-term-still-drifts"),
    pytest.param(EN_DE_NESTED_TERMS_DISAGREE, ("en", "de"),
                 [("Pressesprecherin", "press secretary", "Pressesekretärs", "major")] * 2,
                 id="en-de-nested-term-found-more-often-settles-the-usual-rendering"),
    pytest.param(target_changed(EN_DE_NESTED_TERMS_DISAGREE, "Pressesekretärs", "Pressesprecherin"), ("en", "de"), [],
                 id="en-de-nested-terms-consistent"),
    pytest.param(EN_DE_GIVEN_NAME_RESPELT, ("en", "de"), [("Toni Blair", "Blair", "Tony Blair", "major")],
                 id="en-de-given-name-respelt"),
    pytest.param(target_changed(EN_DE_GIVEN_NAME_RESPELT, "Toni", "Tony"), ("en", "de"), [],
                 id="en-de-given-name-consistent"),
    pytest.param(EN_DE_SHORT_GIVEN_NAME_RESPELT, ("en", "de"), [("Raul Gandhi", "Rahul Gandhi", "Rahul Gandhi", "major")],
                 id="en-de-short-given-name-respelt"),
    pytest.param(target_changed(EN_DE_SHORT_GIVEN_NAME_RESPELT, "Raul", "Rahul"), ("en", "de"), [],
                 id="en-de-short-given-name-consistent"),
    pytest.param(EN_DE_TITLE_INFLECTED, ("en", "de"), [], id="en-de-title-before-a-name-inflected"),
    pytest.param(EN_DE_FACTORED_LIST, ("en", "de"), [], id="en-de-list-factored-under-one-head"),
    pytest.param(EN_DE_COPY_BEATS_MISSPELLING, ("en", "de"), [("Chendu", "Chengdu", "Chengdu", "major")] * 3,
                 id="en-de-exact-copy-of-a-name-beats-a-more-frequent-misspelling"),
    pytest.param(target_changed(EN_DE_COPY_BEATS_MISSPELLING, "Chendu", "Chengdu"), ("en", "de"), [],
                 id="en-de-name-copied-consistently"),
    # "US consulate in Chengdu" rendered „US-Konsulat in Chengdu“: the rendering of "consulate in Chengdu"
    # with the neighbouring source word, not another rendering of it.
    pytest.param((EN_DE_COPY_BEATS_MISSPELLING[0].replace("outside the consulate", "outside the US consulate"),
                  EN_DE_COPY_BEATS_MISSPELLING[1].replace("Chendu", "Chengdu").replace("dem Konsulat", "dem US-Konsulat")),
                 ("en", "de"), [], id="en-de-rendering-with-a-neighbouring-source-word"),
    pytest.param(target_changed(EN_DE_FACTORED_LIST, "der Flughäfen von Sydney, Adelaide und Darwin",
                                "des Flughafens von Sydney und anderswo"), ("en", "de"),
                 [("Flughafens von Sydney", "Sydney Airport", "Flughafen Sydney", "minor")],
                 id="en-de-near-variant-outside-a-list"),
    pytest.param(JA_EN_MYNUMBER, ("ja", "en"), [
        ("Individual Number health insurance card", "マイナ保険証", "My Number health insurance card", "major"),
    ], id="ja-en-other-name-of-the-card"),
    pytest.param(target_changed(JA_EN_MYNUMBER, "Individual Number", "My Number"), ("ja", "en"), [],
                 id="ja-en-consistent"),
    pytest.param(ZH_EN_MYNUMBER, ("zh", "en"), [
        ("Individual Number health insurance card", "个人编号医保卡", "My Number health insurance card", "major"),
    ], id="zh-en-slot-stops-at-the-article"),
    pytest.param(JA_FR_RENEWABLE, ("ja", "fr"), [
        ("énergies vertes", "再生可能エネルギー", "énergies renouvelables", "major"),
    ], id="ja-fr-inflection-is-no-drift"),
    pytest.param(target_changed(JA_FR_RENEWABLE, "énergies vertes", "énergies renouvelables"), ("ja", "fr"), [],
                 id="ja-fr-consistent"),
    pytest.param(EN_JA_DIGITAL_AGENCY, ("en", "ja"), [("デジタル省", "Digital Agency", "デジタル庁", "info")],
                 id="en-ja-one-part-of-a-compound-changed"),
    pytest.param(target_changed(EN_JA_DIGITAL_AGENCY, "デジタル省", "デジタル庁"), ("en", "ja"), [],
                 id="en-ja-consistent"),
    # Into Chinese as into Japanese: the slot stops before 的, which joins the variant to another head
    # (数字部的负责人, "the head of the Digital Ministry").
    pytest.param(("The Digital Agency was set up in 2021.\nThe Digital Agency has 600 staff.\n"
                  "The head of the Digital Agency resigned.\nThe Digital Agency will hire more engineers.",
                  "数字厅于2021年成立。\n数字厅有600名员工。\n数字部的负责人辞职了。\n数字厅将招聘更多工程师。"),
                 ("en", "zh"), [("数字部", "Digital Agency", "数字厅", "info")], id="en-zh-slot-stops-before-de"),
    pytest.param(KO_EN_CHILD_SUPPORT, ("ko", "en"), [
        ("child-rearing aid system", "육아 지원 제도", "child-rearing support system", "major"),
    ], id="ko-en-particles-are-no-part-of-the-term"),
    pytest.param(target_changed(KO_EN_CHILD_SUPPORT, "child-rearing aid", "child-rearing support"), ("ko", "en"), [],
                 id="ko-en-consistent"),
    pytest.param(EN_KO_CHILD_SUPPORT, ("en", "ko"), [("아동 보조 제도", "Child Support System", "아동 지원 제도", "info")],
                 id="en-ko-variant-whatever-its-particle"),
    # 제도를, 제도는, 제도가, 제도의: one rendering with four particles, no drift.
    pytest.param(target_changed(EN_KO_CHILD_SUPPORT, "아동 보조", "아동 지원"), ("en", "ko"), [],
                 id="en-ko-particles-are-no-drift"),
]


@pytest.mark.parametrize("article, langs, expected", CASES)
def test_flags_exactly_the_drift(article, langs, expected):
    src, tgt = article
    issues = drift_issues(src, tgt, *langs)
    got = [(tgt[i.target_span.start:i.target_span.end], src[i.source_span.start:i.source_span.end],
            i.suggestion, i.severity.value) for i in issues]
    assert got == expected
    for issue in issues:
        assert issue.check == "terms.drift"
        assert issue.category is Category.TERMINOLOGY_INCONSISTENT
        # ``related`` points at the dominant occurrences, each of them the suggested rendering or an
        # inflected form of it (« énergie renouvelable » beside « énergies renouvelables »).
        assert issue.related and all(r.side == "target" for r in issue.related)
        assert all(lemmas(tgt[r.start:r.end], langs[1]) == lemmas(issue.suggestion, langs[1]) for r in issue.related)


def test_message_gives_the_counts():
    src, tgt = EN_ES_MINISTRY
    (issue,) = drift_issues(src, tgt, "en", "es")
    assert issue.message == ("Ministry of Health is rendered 'Ministerio de Sanidad' 3 times "
                             "but 'Ministerio de Salud' here")
    assert len(issue.related) == 3



def test_related_cites_the_nearest_dominant_occurrences_only():
    """A term rendered the dominant way more than MAX_RELATED times: each issue cites the MAX_RELATED
    occurrences nearest to its variant (the report grew with the square of a long article before)."""
    from mtcheck.checks.terms import MAX_RELATED

    src = ((SAMPLE / "source.zh.txt").read_text(encoding="utf-8") + "\n") * 4
    tgt = ((SAMPLE / "mt.fr.txt").read_text(encoding="utf-8") + "\n") * 4
    report = check_texts(src, tgt, src_lang="zh", tgt_lang="fr")
    dominant = "renforcement des capacités en matière d'intelligence artificielle"
    issues = [i for i in report.issues if i.check == "terms.drift" and i.suggestion == dominant]
    everywhere = [k for k in range(len(tgt)) if tgt.startswith(dominant, k)]
    assert len(everywhere) == 24 and len(issues) == 12
    for issue in issues:
        assert issue.message.startswith(f"人工智能能力建设 is rendered '{dominant}' 24 times but ")
        cited = [r.start for r in issue.related]
        assert len(cited) == MAX_RELATED == 20 and cited == sorted(cited) and set(cited) <= set(everywhere)
        at = issue.target_span.start
        left_out = set(everywhere) - set(cited)
        assert max(abs(k - at) for k in cited) <= min(abs(k - at) for k in left_out)

def test_near_variant_says_so():
    src, tgt = ZH_FR_CAPACITY
    (issue,) = drift_issues(src, tgt, "zh", "fr")
    assert issue.message.endswith("; a near-variant (linking words)")
    assert "3 times" in issue.message


ZH_EN_CENTRES = (
    "香港已启用多个检疫中心。\n竹篙湾检疫中心预计提供3500个单位。\n政府将再建两个检疫中心。\n新的检疫中心将于下月启用。\n",
    "Hong Kong has opened several quarantine centres.\nThe Penny's Bay quarantine centre is expected to provide 3,500 "
    "units.\nThe government will build two more quarantine centres.\nThe new quarantine centers will open next month.\n",
)


@pytest.mark.parametrize("british,american", [
    ("centres", "centers"), ("colour", "color"), ("organisation", "organization"), ("analysed", "analyzed"),
    ("catalogue", "catalog"), ("defence", "defense"), ("travelled", "traveled"), ("paediatric", "pediatric"),
    ("programme", "program"), ("Centre", "Center"),
])
def test_british_and_american_spellings_are_one_word(british, american):
    assert _relation(american, british, "en") == "orthography"


def test_british_and_american_spelling_is_a_near_variant():
    """WMT 2021 zh-en MT output (hyp.SMU): 检疫中心 "quarantine centres" 3 times, "quarantine centers" once, was a
    major drift; it is the same words spelt the American way, a minor near-variant. Other words stay apart."""
    src, tgt = ZH_EN_CENTRES
    (issue,) = drift_issues(src, tgt, "zh", "en")
    assert issue.severity.value == "minor"
    assert tgt[issue.target_span.start:issue.target_span.end] == "quarantine centers"
    assert issue.message.endswith("; a near-variant (orthography)")
    assert _relation("four", "for", "en") is None and _relation("status", "states", "en") is None
    assert _relation("centres", "centers", "de") is None  # the English spellings, in English only


def test_a_country_and_its_adjective_are_one_term():
    """WMT 2021 zh-en, chinese.dw.com.5398, hyp.IIE-MT: 英国 "British" 6 times ("the British government",
    "British tourists") and "the UK" once was a drift; a country's name and its adjective (the equivalents
    file of entities.acronym says which forms are which) are one term in two parts of speech."""
    fixtures = Path(__file__).parent / "fixtures"
    src = (fixtures / "wmt21_zhen_dw5398.zh.txt").read_text(encoding="utf-8")
    tgt = (fixtures / "wmt21_zhen_dw5398_IIE-MT.en.txt").read_text(encoding="utf-8")
    assert "Before the UK issued" in tgt and tgt.count("British") == 7
    assert drift_issues(src, tgt, "zh", "en") == []
    assert name_and_adjective("UK", "British", "en") and name_and_adjective("China", "chinesische", "de")
    assert not name_and_adjective("US", "United States", "en")  # two names: a drift of style, still reported


ZH_EN_HOUSE_SEATS = (
    "专家说众院席位分配违宪。\n各州的众议院席位取决于人口。\n美国每隔10年就要重新分配众议院席位。\n加州可能失去众议院席位。\n"
    "人口普查将决定美国国会众议院席位的分配。\n",
    "Experts say the allocation of House seats is unconstitutional.\nEach state's House seats depend on its population.\n"
    "Every 10 years, the US reallocates House seats.\nCalifornia may lose House seats.\n"
    "The census will determine the allocation of seats in the US House of Representatives.\n",
)


def test_words_in_another_order_with_words_between_say_word_order():
    """WMT 2021 zh-en, voa-voachinese.2104, hyp.Online-W: 席位 "House seats" 4 times and "seats in the US House" once
    was a near-variant said to differ in "spacing"; its words come in another order."""
    src, tgt = ZH_EN_HOUSE_SEATS
    (issue,) = drift_issues(src, tgt, "zh", "en")
    assert tgt[issue.target_span.start:issue.target_span.end] == "seats in the US House"
    assert issue.message.endswith("; a near-variant (word order)")


ZH_EN_US_NAMES = (
    "美国宣布新的关税。\n美国官员表示谈判将继续。\n美国还将派出代表团。\n美国和中国的贸易额下降。\n",
    "The US announced new tariffs.\nUS officials said the talks would continue.\nThe US will also send a delegation."
    "\nTrade between the United States and China fell.\n",
)


def test_two_names_of_one_thing_are_a_near_variant():
    """WMT 2021 zh-en MT outputs (hyp.SMU, hyp.Online-W, ref.A…): 美国 "US" most times and "United States" once or
    twice, and 人民币汇率 "RMB exchange rate" beside "renminbi exchange rate", were major drift; two names of
    one thing (the equivalents file's forms of a concept, or an acronym and the words that spell it) are a
    minor near-variant, as two spellings are: still shown to an editor who wants one of them."""
    src, tgt = ZH_EN_US_NAMES
    (issue,) = drift_issues(src, tgt, "zh", "en")
    assert issue.severity.value == "minor"
    assert tgt[issue.target_span.start:issue.target_span.end] == "United States"
    assert issue.message.endswith("; a near-variant (another name of the same thing)")
    assert two_names("US", "United States", "en") and two_names("RMB exchange rate", "renminbi exchange rate", "en")
    assert two_names("UNO", "Vereinte Nationen", "de") and two_names("NEA", "National Election Authority", "en")
    assert not two_names("US", "UK", "en") and not two_names("plan inclusif", "plan d'avantages universels", "fr")
    assert not two_names("NEA", "National Energy Agency office", "en")  # more words than letters


def test_term_table_keeps_inflected_forms_together():
    src, tgt = EN_DE_RIVERS_CONSISTENT
    table = {t.source: t for t in find_renderings(*documents(src, tgt, "en", "de"))}
    fund = table["Climate Fund"]
    assert fund.dominant is not None and fund.dominant.text == "Klimafonds"
    assert len(fund.dominant.units) == 3 and fund.variants == []
    initiative = table["Clean Rivers Initiative"]
    assert initiative.dominant is not None and initiative.dominant.text == "Initiative Saubere Flüsse"
    assert initiative.variants == []


def test_term_table_settles_nested_terms_as_the_check_does():
    """The term table (``mtcheck terms``, the glossary export and the batch memory read it) drops the variant a
    nested term found more often contests, as the check does: "White House press secretary" keeps its
    usual rendering without a variant, and "press secretary" lists „Pressesprecherin“ twice."""
    table = {t.source: t for t in find_renderings(*documents(*EN_DE_NESTED_TERMS_DISAGREE, "en", "de"))}
    outer, inner = table["White House press secretary"], table["press secretary"]
    assert outer.dominant is not None and outer.dominant.text == "Pressesprecherin des Weißen Hauses"
    assert outer.variants == []
    assert inner.dominant is not None and inner.dominant.text == "Pressesekretärs"
    assert [v.text for v in inner.variants] == ["Pressesprecherin", "Pressesprecherin"]


def test_common_words_are_not_terms():
    src, tgt = ZH_FR_PLAN_CONSISTENT
    sources = {t.source for t in find_renderings(*documents(src, tgt, "zh", "fr"))}
    assert "普惠计划" in sources
    assert not sources & {"国家", "合作", "各国"}  # « pays », « coopération »


EN_DE_ADVERB = (
    "The response was frankly shambolic, the minister said.\n"
    "Critics called the rollout frankly shambolic again on Monday.\n"
    "The opposition said the plan was frankly shambolic and costly.\n"
    "Officials blamed the supply chain for the delays.\n"
    "The supply chain was disrupted by the floods.\n"
    "Experts expect the supply chain to recover soon.\n",
    "Die Reaktion sei offen gesagt chaotisch gewesen, sagte der Minister.\n"
    "Kritiker nannten die Einführung am Montag erneut offen gesagt chaotisch.\n"
    "Die Opposition sagte, der Plan sei ehrlich gesagt chaotisch und teuer.\n"
    "Beamte machten die Lieferkette für die Verzögerungen verantwortlich.\n"
    "Die Lieferkette wurde durch die Überschwemmungen unterbrochen.\n"
    "Experten erwarten, dass sich die Lieferkette bald erholt.\n",
)


def test_an_adverb_before_an_adjective_is_no_term():
    """"frankly shambolic" (WMT 2021 en-de, standard.co.uk.57834) has no noun: « offen gesagt » / « ehrlich
    gesagt » is no drift. A noun in -ly before a noun ("supply chain") stays a term."""
    src, tgt = EN_DE_ADVERB
    assert drift_issues(src, tgt, "en", "de") == []
    sources = {t.source for t in find_renderings(*documents(src, tgt, "en", "de"))}
    assert "supply chain" in sources
    assert "frankly shambolic" not in sources


EN_DE_ADVERB_VERB = (
    "Police may compulsorily question anyone for up to seven days.\n"
    "Officers can compulsorily question every suspect, the bill says.\n"
    "Critics say the power to compulsorily question people goes too far.\n",
    "Die Polizei darf jeden bis zu sieben Tage lang zwangsweise befragen.\n"
    "Beamte können jeden Verdächtigen zwangsweise befragen, heißt es im Gesetz.\n"
    "Kritiker sagen, die Befugnis, Menschen zwangsweise zu befragen, gehe zu weit.\n",
)


def test_an_adverb_opening_a_phrase_is_no_term():
    """"compulsorily question" (WMT 2021 en-de, MT outputs of the Australian counter-terrorism bill) is a
    verb phrase: no term, no drift between „jeden zwangsweise“ and „Tage lang zwangsweise“."""
    src, tgt = EN_DE_ADVERB_VERB
    assert drift_issues(src, tgt, "en", "de") == []
    sources = {t.source for t in find_renderings(*documents(src, tgt, "en", "de"))}
    assert not any(s.startswith("compulsorily") for s in sources)


def test_short_nouns_are_terms_only_when_rare_and_rendered_specifically():
    src, tgt = ZH_EN_SHORT_NOUN_SYNONYM
    table = {t.source: t for t in find_renderings(*documents(src, tgt, "zh", "en"))}
    assert set(table) == {"防汛"}  # not 经济 (common), not 物资 or 任务 (one unit each)
    assert table["防汛"].dominant is not None and table["防汛"].dominant.text == "Flood prevention"
    assert table["防汛"].variants == []


ZH_EN_DECREE = (
    "特朗普周一签署了一项行政令。\n民主党人批评这项行政令。\n共和党人支持这项行政令。\n法院暂停了该行政令的实施。\n"
    "疫情令经济受挫。\n",
    "Trump signed an executive order on Monday.\nDemocrats criticised the executive order.\n"
    "Republicans supported the executive order.\nThe court suspended the implementation of the decree.\n"
    "The epidemic made the economy falter.\n",
)


def test_a_decree_cut_off_by_jieba_is_one_term():
    """jieba cuts 行政令 ("executive order") as 行政|令 and tags 令 a verb; the decree is one noun, a term
    (禁足令, 居家令 too: all 7 such merges in the WMT 2021 zh sources are decrees). The causative verb 令
    before its object (疫情令经济受挫) stays a verb."""
    source, target, alignment = documents(*ZH_EN_DECREE, "zh", "en")
    table = {t.source: t for t in find_renderings(source, target, alignment)}
    assert set(table) == {"行政令"}
    dominant = table["行政令"].dominant
    assert dominant is not None and dominant.text == "executive order" and len(dominant.occurrences) == 3
    assert [t.text for t in tokenize(source, [4])] == ["疫情", "令", "经济", "受挫"]
    assert [t.text for t in tokenize(source, [0])] == ["特朗普", "周一", "签署", "了", "一项", "行政令"]


# --- a property: wherever the drift is put, exactly it is flagged ----------------------------------------

TERM_LINES = [0, 1, 3, 5]  # the sentences of EN_ES_MINISTRY that name the ministry


@settings(max_examples=8, deadline=None)
@given(k=st.sampled_from(TERM_LINES), variant=st.sampled_from(["Ministerio de Salud", "Departamento de Sanidad"]))
def test_drift_is_found_wherever_it_is(k, variant):
    src, tgt = EN_ES_MINISTRY
    lines = tgt.replace("Ministerio de Salud", "Ministerio de Sanidad").split("\n")
    lines[k] = lines[k].replace("Ministerio de Sanidad", variant, 1)
    text = "\n".join(lines)
    issues = drift_issues(src, text, "en", "es")
    assert [text[i.target_span.start:i.target_span.end] for i in issues] == [variant]
    assert issues[0].suggestion == "Ministerio de Sanidad"
    for issue in issues:
        assert 0 <= issue.target_span.start < issue.target_span.end <= len(text)
        assert 0 <= issue.source_span.start < issue.source_span.end <= len(src)


# --- the founding article --------------------------------------------------------------------------------


def test_founding_article_through_the_whole_pipeline():
    """``check_texts`` with the real aligner: both variants of 普惠计划 are flagged, « plan inclusif »
    suggested, and no consistent term (人工智能, 林剑, 高级别会议...) is."""
    src = (SAMPLE / "source.zh.txt").read_text(encoding="utf-8")
    tgt = (SAMPLE / "mt.fr.txt").read_text(encoding="utf-8")
    report = check_texts(src, tgt, src_lang="zh", tgt_lang="fr")
    drift = [i for i in report.issues if i.check == "terms.drift"]
    flagged = {tgt[i.target_span.start:i.target_span.end]: i for i in drift}
    for variant in ("plan d'avantages universels", "régime de prestations universelles"):
        issue = flagged[variant]
        assert issue.category is Category.TERMINOLOGY_INCONSISTENT
        assert issue.suggestion == "plan inclusif"
        assert src[issue.source_span.start:issue.source_span.end] == "普惠计划"
        assert [tgt[r.start:r.end] for r in issue.related] == ["plan inclusif"] * 5
        assert issue.message == f"普惠计划 is rendered 'plan inclusif' 5 times but '{variant}' here"
    # « avantages universels » / « prestations universelles »: the two variants share a word that recurs
    # only where the term is without « plan inclusif » — the term's other vocabulary, not a translation
    # of something else: major (a shared word) and minor (the context slot).
    assert (flagged["plan d'avantages universels"].severity.value, flagged["plan d'avantages universels"].confidence) \
        == ("major", 0.9)
    assert (flagged["régime de prestations universelles"].severity.value,
            flagged["régime de prestations universelles"].confidence) == ("minor", 0.55)
    # Everything else is a minor near-variant of « … en matière d'intelligence artificielle ».
    others = [i for i in drift if tgt[i.target_span.start:i.target_span.end]
              not in ("plan d'avantages universels", "régime de prestations universelles")]
    assert all(i.severity.value == "minor" and "near-variant" in i.message for i in others)
    # (The issue's "target-side near-variants of one phrase": all three places are flagged, and the nested
    # term 人工智能, rendered « intelligence artificielle » in both forms, does not settle them away.)
    assert [tgt[i.target_span.start:i.target_span.end] for i in others] == [
        "renforcement des capacités en intelligence artificielle"] * 3
    assert {i.suggestion for i in others} == {"renforcement des capacités en matière d'intelligence artificielle"}


# --- speed -----------------------------------------------------------------------------------------------


def test_long_document_stays_fast():
    """2,000 sentence pairs (the Chinese-French articles above, repeated) in a few seconds: no loop over
    pairs of candidates or of occurrences. (bench/terms.py measures real articles.)"""
    pairs = [ZH_FR_CENTRE, ZH_FR_CAPACITY, ZH_FR_PLAN_CONSISTENT]
    src_lines, tgt_lines = [], []
    while len(src_lines) < 2000:
        for a, b in pairs:
            src_lines += a.split("\n")
            tgt_lines += b.split("\n")
    src, tgt = "\n".join(src_lines[:2000]), "\n".join(tgt_lines[:2000])
    source, target, alignment = documents(src, tgt, "zh", "fr")
    find_renderings(source, target, alignment[:50])  # warm the tokenizer
    start = time.perf_counter()
    terms = find_renderings(source, target, alignment)
    assert time.perf_counter() - start < 20.0
    assert any(t.source == "普惠计划" and t.dominant is not None for t in terms)


# --- word relations and confidence (calibration rules of the engine) -------------------------------------


@pytest.mark.parametrize("word, dom, lang, expected", [
    # An inflectional ending that shares a letter with the other ending is still inflection.
    ("randomisierter", "randomisierten", "de", "same"),
    ("randomisierten", "randomisierte", "de", "same"),
    # A doubled letter: a spelling variant of a name, short or long.
    ("Hana", "Hanna", "en", "spelling"),
    ("Bonna", "Bona", "en", "spelling"),
    ("Kateri", "Katerry", "en", "spelling"),
    # Not in German beyond an exact doubling, where every noun has a capital.
    ("Willen", "Wileys", "de", None),
    # Lower-case words are not names.
    ("hana", "hanna", "en", None),
    # An umlaut that inflects (a plural) is no accent dropped; one that a name loses is.
    ("Flughäfen", "Flughafen", "de", "same"),
    ("Väter", "Vater", "de", "same"),
    ("Muller", "Müller", "de", "orthography"),
    ("etats", "états", "fr", "orthography"),
    ("Bei-jing", "Beijing", "en", "orthography"),
    # A German plural in -nisse („Befugnis“ / „Befugnisse“) is inflection.
    ("Fragebefugnisse", "Fragebefugnis", "de", "same"),
    ("Ergebnissen", "Ergebnis", "de", "same"),
])
def test_relation(word, dom, lang, expected):
    from mtcheck.terms.drift import _relation
    assert _relation(word, dom, lang) == expected


def test_dominant_rendering_of_a_name_is_a_name():
    """A name term is rendered by a name, and a misspelling of it is its variant. (A regression guard:
    this short article is solved without the names-render-names preference too; the benchmark case that
    motivated it, where "year" shared more sentences with 马来西亚 than "Malaysia", is longer.)"""
    src = "\n".join([
        "马来西亚今年经济增长百分之五。",
        "专家说，今年马来西亚的出口将继续增加。",
        "今年马来西亚政府还将推出新的刺激措施。",
        "中国与东盟的贸易额也在增长。",
    ])
    tgt = "\n".join([
        "Malaysia's economy grew by five percent this year.",
        "Experts say that Malaysia's exports will continue to increase this year.",
        "This year the Mallaysia government will also launch new stimulus measures.",
        "Trade between China and ASEAN is also growing.",
    ])
    terms = {t.source: t for t in find_renderings(*documents(src, tgt, "zh", "en"))}
    term = terms["马来西亚"]
    assert term.dominant is not None and term.dominant.text == "Malaysia"
    assert [v.text for v in term.variants] == ["Mallaysia"]


@pytest.mark.parametrize("article, langs, source, dominant", [
    (EN_DE_RESPELT, ("en", "de"), "Moula", "Moula"),
    (EN_DE_COPY_COMPOUNDS, ("en", "de"), "social media", "Social-Media-Konten"),
    (EN_DE_COPY_RIVAL, ("en", "de"), "Pilot", "Pilot"),
    (ZH_EN_NAME_GROWS, ("zh", "en"), "刘青云", "Liu Qingyun"),
    (ZH_EN_SPLIT_NAME, ("zh", "en"), "卢卡库", "Lukaku"),
])
def test_dominant_rendering(article, langs, source, dominant):
    terms = {t.source: t for t in find_renderings(*documents(*article, *langs))}
    assert terms[source].dominant is not None and terms[source].dominant.text == dominant


@pytest.mark.parametrize("text, words", [
    ("Yan'an and Xi'an", ["Yan'an", "and", "Xi'an"]),
    ("l'amarrage, L'Initiative, Qu'il", ["l", "amarrage", "L", "Initiative", "Qu", "il"]),
    ("Meghan's plan, it's, they'll, O'Neill", ["Meghan", "s", "plan", "it", "s", "they", "ll", "O", "Neill"]),
    # A hyphen joins a lower-case part to a capitalised one only in a headline's source line.
    ("high-risk areas-Chinanews", ["high-risk", "areas", "Chinanews"]),
    ("Shen-zhen, US-Konsulat, Asia-Europe, Safari-Park", ["Shen-zhen", "US-Konsulat", "Asia-Europe", "Safari-Park"]),
])
def test_apostrophes_split_words_except_inside_names(text, words):
    from mtcheck.terms.drift import _spaced_pieces
    assert [w for _, _, w, _ in _spaced_pieces(text)] == words


def test_long_name_is_one_term_and_its_parts_found_alone_stay_terms():
    """The overlapping five-word pieces of a long name become one term; a piece that also occurs on its own
    (三江源国家公园管理局) stays a term of its own."""
    src = '''三江源国家公园管理局长江源园区可可西里管理处称，藏羚羊开始回迁。
    据三江源国家公园管理局长江源园区可可西里管理处统计，回迁数量逐年上升。
    三江源国家公园管理局长江源园区可可西里管理处已安排人员巡逻。
    三江源国家公园管理局发布了新的保护规定。
    三江源国家公园管理局表示，将继续监测。
    三江源国家公园管理局今年增加了巡护人员。'''
    tgt = '''The Hoh Xil Management Office of the Yangtze River Source Park said that Tibetan antelopes have begun to return.
    According to the Hoh Xil Management Office of the Yangtze River Source Park, the number returning has risen.
    The Hoh Xil Management Office of the Yangtze River Source Park has sent staff on patrol.
    The Sanjiangyuan National Park Administration issued new protection rules.
    The Sanjiangyuan National Park Administration said that it would continue monitoring.
    The Sanjiangyuan National Park Administration added patrol staff this year.'''
    source, target, alignment = documents(src, tgt, "zh", "en")
    got = sorted((r.source, sorted(r.units)) for r in find_renderings(source, target, alignment))
    assert got == [("三江源国家公园管理局", [0, 1, 2, 3, 4, 5]),
                   ("三江源国家公园管理局长江源园区可可西里管理处", [0, 1, 2])]


def test_repeated_clause_is_no_long_name():
    """Overlapping candidates of a repeated clause (a verb in it) stay apart: only nouns make a long name."""
    sources = sorted(r.source for r in find_renderings(*documents(*ZH_EN_CLAUSE_REPEATED, "zh", "en")))
    assert sources == ["南达杰保护站附近清水河", "时到达索南达杰", "清水河区域"]


def test_twin_terms_get_their_whole_renderings():
    source, target, alignment = documents(*ZH_EN_TWIN_TERMS, "zh", "en")
    dominant = {r.source: r.dominant.text for r in find_renderings(source, target, alignment) if r.dominant}
    assert dominant["中国政府"] == "Chinese government"
    assert dominant["网络安全的坚定维护者"] == "firm defender of cyber security"


def test_a_headline_s_site_is_no_part_of_a_hyphenated_name():
    words = [p[2] for p in _spaced_pieces("A Staunch Defender of Cyber Security-Ecns.cn, Shen-zhen and US-Konsulat")]
    assert words == ["A", "Staunch", "Defender", "of", "Cyber", "Security", "Ecns", "cn", "Shen-zhen", "and",
                     "US-Konsulat"]


@pytest.mark.parametrize("order, expected", [
    (["carbon", "dioxide", "capture"], True),  # capture of carbon dioxide / carbon dioxide capture
    (["dioxide", "capture", "carbon"], True),
    (["carbon", "capture", "dioxide"], False),
    (["capture", "carbon", "dioxide"], False),  # the same order is no swap
    (["carbon", "dioxide"], False),
])
def test_swapped_halves(order, expected):
    assert _swapped(order, ["capture", "carbon", "dioxide"]) is expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="abc", min_size=1, max_size=7), st.text(alphabet="abc", min_size=1, max_size=7))
def test_one_edit_is_edit_distance_at_most_one(a, b):
    assert _one_edit(a, b) == (_edit_distance(a, b, 1) <= 1)


@pytest.mark.parametrize("sure_src, maybe_src, sure_tgt, maybe_tgt, expected", [
    ([10], [], [(1, 2), (5, 7)], [], (5, 7)),  # two names each side: the term (at 20) is the second
    ([10], [], [(5, 7)], [], None),  # counts differ
    ([10, 30], [], [(5, 7), (9, 10)], [(0, 1)], (5, 7)),  # a sentence-initial dictionary word counted in
    ([10], [15], [(5, 7)], [], None),  # neither way counts up
    ([], [15], [(5, 7)], [], (5, 7)),  # the guessed name left out
    ([], [], [(5, 7)], [(9, 10)], (5, 7)),  # one way counts up
    ([], [10], [(1, 2)], [(5, 7)], None),  # two ways count up and disagree
])
def test_names_counted_in_order(sure_src, maybe_src, sure_tgt, maybe_tgt, expected):
    assert _in_order(20, sure_src, maybe_src, sure_tgt, maybe_tgt) == expected


ZH_TITLE = ("""《叮咚上线!老师好》下周开播。
薛兆丰领衔“知识发起人”。
互动节目《叮咚上线!老师好》将于7月20日起在湖南卫视播出。
节目邀请了多位大学教授。
与以往不同，《叮咚上线!老师好》集结了一群年轻的知识代表。
节目共十二期。""", """“Ding Dong is online! 'Hello Teacher'” will premiere next week.
Xue Zhaofeng leads the “Knowledge promoters”.
The interactive programme “Ding Dong is online! 'Hello Teacher'” will be broadcast on Hunan Satellite TV from July 20.
The programme invited several university professors.
Unlike before, “Ding Dong is online! 'Hello Teacher'” gathers a group of young knowledge representatives.
The programme has twelve episodes.""")


def test_the_edge_of_a_book_title_is_a_term():
    # 老师好 ("hello, teacher") ends in an adjective, no term by its form, but it closes the title
    # 《叮咚上线!老师好》 in three units: a part of the work's name.
    source, target, alignment = documents(*ZH_TITLE, "zh", "en")
    assert {r.source for r in find_renderings(source, target, alignment)} == {"叮咚上线", "老师好"}
    plain = ZH_TITLE[0].replace("《", "").replace("》", "")
    source, target, alignment = documents(plain, ZH_TITLE[1], "zh", "en")
    assert {r.source for r in find_renderings(source, target, alignment)} == {"叮咚上线"}


@pytest.mark.parametrize("text, start, end, expected", [
    ("看《叮咚上线!老师好》吧", 7, 10, True),  # closes the title
    ("看《叮咚上线!老师好》吧", 2, 6, True),  # opens it
    ("看《叮咚上线!老师好》吧", 3, 6, False),  # inside, at neither edge
    ("老师好》和《新闻", 0, 3, False),  # a closing mark without its opening
    ("《新闻\n老师好》", 4, 7, False),  # not on one line
])
def test_title_edge(text, start, end, expected):
    assert _title_edge(text, start, end) is expected



@pytest.mark.parametrize("sentence, compound, expected", [
    ("会议表示将推动经济复苏。", "经济复苏", True),  # after a verb, before a boundary
    ("开放的贸易环境对于经济复苏的重要性。", "经济复苏", True),  # after a preposition, before 的
    ("数据显示，区域贸易额有所下降。", "数据显示", False),  # a subject and its verb opening the clause
    ("影片以全新的故事展开。", "故事展开", False),  # after 的: a subject and its verb
])
def test_nominal_compound(sentence, compound, expected):
    doc = make_document(sentence, path=None, lang="zh", encoding=None, presegmented=True)
    toks = tokenize(doc, (0,))
    at = sentence.index(compound)
    i = next(k for k, t in enumerate(toks) if t.start == at)
    n = next(k for k, t in enumerate(toks) if t.end == at + len(compound)) - i + 1
    assert _nominal_compound(toks, i, n) is expected


@pytest.mark.parametrize("sentence, word, name", [
    ("Last night, the Ministry of Defence declined to comment.", "Ministry", ("ministry", "of", "defence")),
    ("A spokesman for the Foreign Ministry said so.", "Ministry", ("foreign", "ministry")),
    ("The Ministry said so.", "Ministry", ("ministry",)),
    ("He was chief of staff at the Ministry of Transport and Social Affairs.", "Ministry",
     ("ministry", "of", "transport", "and", "social", "affairs")),
    ("Sydney Airport reopened.", "Sydney", ("sydney", "airport")),
])
def test_name_around(sentence, word, name):
    side, _ = _side([sentence], "en")
    at = sentence.index(word)
    assert _name_around(Occurrence(0, at, at + len(word)), side) == name


def test_other_body():
    # Across a batch a variant inside another body's name is that body's, a word alone or a name the
    # dominant rendering also sits in is not.
    dominant = {("foreign", "ministry"), ("ministry",)}
    assert _other_body(("ministry", "of", "defence"), dominant)
    assert not _other_body(("foreign", "ministry"), dominant)
    assert not _other_body(("ministry",), set())


def _zh_side_and_term(lines: list[str], term: str):  # type: ignore[no-untyped-def]
    side, doc = _side(lines, "zh")
    occs = [Occurrence(k, doc.text.index(term, doc.sentences[k].start), doc.text.index(term, doc.sentences[k].start) + len(term))
            for k in range(len(doc.sentences)) if term in doc.sentences[k].text]
    key = tuple(t.key for o in occs[:1] for t in side.tokens[o.unit] if o.start <= t.start < o.end)
    return side, _Term(key=key, text=term, occurrences=occs, units={o.unit for o in occs})


@pytest.mark.parametrize("lines, term, where, expected", [
    # "fly" found where 飘扬 is, three words after the term: the target word order put it beside the
    # rendering ("party flags fly"), not the term; it is no part of it.
    (["鲜艳的党旗在大堤上高高飘扬", "鲜艳的党旗在村口高高飘扬", "鲜艳的党旗插在抗洪的大堤上", "红旗高高飘扬"],
     "鲜艳的党旗", {0, 1}, False),
    # "medical" found where 解除 is, right before the term: 解除医学观察 explains it by the count alone, and it
    # stands beside the rendering: part of it ("medical observation").
    (["当日解除医学观察的密切接触者673人", "当日解除医学观察10例", "尚在医学观察的密切接触者11762人"],
     "医学观察", {0, 1}, True),
])
def test_a_word_linked_away_rejoins_a_rendering_only_for_a_rival_beside_the_term(lines, term, where, expected):
    side, t = _zh_side_and_term(lines, term)
    assert len(t.occurrences) == sum(term in line for line in lines)
    assert _rival_beside(where, t, side, _neighbours(t, side)) is expected


@pytest.mark.parametrize("src_lines, tgt_lines, expected", [
    # A word of a title quoted on both sides is the title's, wherever competitive linking put it.
    (["大型融媒体行动《走村直播看脱贫》出发", "由中央广播电视总台主办的《走村直播看脱贫》启动", "《走村直播看脱贫》大胆融合"],
     ['The media action "Let\'s go live in the village" set off', 'The action "Going Live in the Village" hosted by CCTV started',
      '"Going Live in the Village" is boldly integrated'], True),
    # Not quoted in the source: no title.
    (["大型融媒体行动走村直播看脱贫出发", "由中央广播电视总台主办的走村直播看脱贫启动", "走村直播看脱贫大胆融合"],
     ['The media action "Let\'s go live in the village" set off', 'The action "Going Live in the Village" hosted by CCTV started',
      '"Going Live in the Village" is boldly integrated'], False),
    # The target word outside the quotes in one unit: not the title's there.
    (["大型融媒体行动《走村直播看脱贫》出发", "由中央广播电视总台主办的《走村直播看脱贫》启动", "《走村直播看脱贫》大胆融合"],
     ["The media action let's go live in the village set off", 'The action "Going Live in the Village" hosted by CCTV started',
      '"Going Live in the Village" is boldly integrated'], False),
])
def test_a_word_of_a_title_quoted_on_both_sides_is_the_title_s(src_lines, tgt_lines, expected):
    src, term = _zh_side_and_term(src_lines, "走村直播看脱贫")
    tgt, _ = _side(tgt_lines, "en")
    key = next(t.key for t in tgt.tokens[1] if t.text == "Going")
    assert all(any(t.key == key for t in tgt.tokens[u]) for u in range(3))
    assert _quoted_title_word(key, {0, 1, 2}, term, src, tgt) is expected
