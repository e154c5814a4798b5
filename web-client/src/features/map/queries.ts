import { graphql } from '../../gql';

/** A layer's class breaks and extent over the viewer's ground. */
export const MapLayerQuery = graphql(`
  query MapLayer($layer: String!, $electionId: ID, $compareTo: ID) {
    mapLayer(layer: $layer, electionId: $electionId, compareTo: $compareTo) {
      layer
      label
      unit
      breaks
      min
      max
      zones
      bounds
    }
  }
`);

export const StationResultFields = graphql(`
  fragment StationResultFields on StationResult {
    election {
      id
      name
      date
      round
    }
    constituency
    registered
    voters
    abstentions
    blank
    null
    expressed
    turnout
    candidates {
      candidateId
      name
      firstName
      nuance
      bloc
      blocName
      elected
      votes
      share
    }
    blocs {
      key
      name
      share
      votes
    }
  }
`);

/** A polling station and how it voted at every election imported (newest first). */
export const PollingStationQuery = graphql(`
  query PollingStation($code: String!) {
    pollingStation(code: $code) {
      id
      code
      bureau
      name
      address
      communeCode
      communeName
      location {
        latitude
        longitude
      }
      results {
        ...StationResultFields
      }
    }
  }
`);
