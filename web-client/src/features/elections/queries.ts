import { graphql } from '../../gql';

export const ElectionFields = graphql(`
  fragment ElectionFields on Election {
    id
    kind
    date
    round
    scope
    name
    otherRound {
      id
      name
      round
      date
    }
  }
`);

/** Elections imported, newest first (VIEW_RESULTS). */
export const ElectionsQuery = graphql(`
  query Elections {
    elections(first: 100) {
      edges {
        node {
          ...ElectionFields
        }
      }
    }
  }
`);

/** The layers the map offers for an election; the results review takes its blocs from them. */
export const MapLayersQuery = graphql(`
  query MapLayers($electionId: ID!) {
    mapLayers(electionId: $electionId) {
      layer
      label
      group
    }
  }
`);
