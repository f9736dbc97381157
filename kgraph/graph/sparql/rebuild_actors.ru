# Rebuild the shared actors graph from every document's kg:Mention nodes.
# (Only mentions have kg:entity, so the patterns leave out `?m a kg:Mention`.)
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
WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:entityType ?type } } ;
INSERT { GRAPH kgg:actors { ?actor skos:altLabel ?alias } }
WHERE {
  GRAPH ?g { ?m kg:entity ?actor . { ?m kg:alias ?alias } UNION { ?m kg:name ?alias } }
  FILTER NOT EXISTS { GRAPH kgg:actors { ?actor rdfs:label ?alias } }
} ;
INSERT { GRAPH kgg:actors { ?actor kg:country ?country } }
WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:country ?country } } ;
INSERT { GRAPH kgg:actors { ?actor owl:sameAs ?same } }
WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:sameAs ?same } } ;
INSERT { GRAPH kgg:actors { ?actor kg:isoCode ?iso } }
WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:isoCode ?iso } } ;
INSERT { GRAPH kgg:actors { ?actor kg:nameKey ?key } }
WHERE { GRAPH ?g { ?m kg:entity ?actor ; kg:aliasKey ?key } }
