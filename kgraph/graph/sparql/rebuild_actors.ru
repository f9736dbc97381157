# Rebuild the shared actors graph from every document's kg:Mention nodes.
# (Only mentions have kg:entity, so the patterns leave out `?m a kg:Mention`; SELECT
# DISTINCT first, as inserting the same triple once per mention was 5× slower.)
# One label per actor (the smallest canonical name if documents disagree on case or
# hyphens); every other name written for it becomes a skos:altLabel.
DROP SILENT GRAPH kgg:actors ;
INSERT { GRAPH kgg:actors { ?actor rdfs:label ?label ; skos:prefLabel ?label } }
WHERE {
  SELECT ?actor (MIN(?name) AS ?label) WHERE {
    GRAPH ?g { ?m kg:entity ?actor ; kg:name ?name }
  } GROUP BY ?actor
} ;
INSERT { GRAPH kgg:actors { ?actor a ?type } }
WHERE { SELECT DISTINCT ?actor ?type WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:entityType ?type } } } ;
INSERT { GRAPH kgg:actors { ?actor skos:altLabel ?alias } }
WHERE {
  { SELECT DISTINCT ?actor ?alias WHERE {
      GRAPH ?g { ?m kg:entity ?actor . { ?m kg:alias ?alias } UNION { ?m kg:name ?alias } } } }
  MINUS { GRAPH kgg:actors { ?actor rdfs:label ?alias } }  # twice as fast as FILTER NOT EXISTS
} ;
INSERT { GRAPH kgg:actors { ?actor kg:country ?country } }
WHERE { SELECT DISTINCT ?actor ?country WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:country ?country } } } ;
INSERT { GRAPH kgg:actors { ?actor owl:sameAs ?same } }
WHERE { SELECT DISTINCT ?actor ?same WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:sameAs ?same } } } ;
INSERT { GRAPH kgg:actors { ?actor kg:isoCode ?iso } }
WHERE { SELECT DISTINCT ?actor ?iso WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:isoCode ?iso } } } ;
INSERT { GRAPH kgg:actors { ?actor kg:nameKey ?key } }
WHERE { SELECT DISTINCT ?actor ?key WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:aliasKey ?key } } } ;
# Every country the documents tie an actor to (its own, or one a role names), for
# actors-by-country: positions are many, the actors graph is small.
INSERT { GRAPH kgg:actors { ?actor kg:tiedToCountry ?country } }
WHERE {
  SELECT DISTINCT ?actor ?country WHERE {
    { GRAPH ?g { ?m kg:entity ?actor ; kg:country ?country } }
    UNION
    { GRAPH ?g { ?position kg:holder ?actor ; kg:country ?country } }
  }
}
