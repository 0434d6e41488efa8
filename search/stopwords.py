"""Swedish stop words: too common to search for, so neither indexed as extra terms nor queried."""

# PostgreSQL's tsearch_data/swedish.stop, which is the Snowball project's Swedish list (BSD licence).
STOPWORDS = frozenset(
    """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig
du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när
efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan
ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina
samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta
sådana vart dina vars vårt våra ert era vilkas
    """.split()  # noqa: SIM905 (a word list reads best as text)
)

# English stop words for questions asked in English (the site's second language): the Snowball English list,
# shortened to what a search box sees.
ENGLISH_STOPWORDS = frozenset(
    """
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t
    """.split()  # noqa: SIM905
)
