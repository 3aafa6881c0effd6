/** Example queries shown in GraphiQL and README (all run against the seed article). */
export const EXAMPLE_QUERIES = `# Who said it first, and through whom did it reach the article?
query Provenance {
  claim(key: "noonpost-7628#sharaa-golan-compromise-end-presidency") {
    text
    quote
    provenance {
      depth
      anonymousLinks
      chain { position role anonymous agent { name } addressee { name } evidence { text } }
    }
    grade { credibility confidence factors { factor effect detail } }
  }
}

# Everything resting on an anonymous link
query Anonymous {
  claims(filter: { anonymous: true }, first: 20) {
    totalCount
    edges { node { key text speaker { name } } }
  }
}

# Full-text search (any string is safe)
query Search {
  searchClaims(query: "humanitarian corridor", first: 5) {
    edges { node { key text quote } }
  }
}

# An actor by name or alias
query Actor {
  agents(name: "Damascus", first: 3) {
    edges { node { key name aliases ... on Actor { said(first: 5) { totalCount edges { node { text } } } } } }
  }
}

# A timeline
query Timeline {
  timeline(from: "2025-01-01", to: "2026-12-31", first: 20) {
    edges { node { name time { text start } place { name } } }
  }
}
`;
