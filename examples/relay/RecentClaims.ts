// A Relay component's operations, compiled by `npx relay-compiler` against schema.graphql
// (relay.config.json; README, "Use it from your tools"). In an app `graphql` comes from
// react-relay; here it is a plain tag so the file stands alone.
const graphql = String.raw;

export const claimListItem = graphql`
  fragment RecentClaims_claim on Claim {
    key
    text
    saidAt
    grade {
      credibility
      confidence
    }
  }
`;

export const recentClaims = graphql`
  query RecentClaimsQuery($first: Int!, $after: String) {
    claims(first: $first, after: $after) {
      edges {
        node {
          id
          ...RecentClaims_claim
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
