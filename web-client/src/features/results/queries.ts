import { graphql } from '../../gql';

export const ZoneResultsFields = graphql(`
  fragment ZoneResultsFields on ZoneResults {
    level
    code
    name
    stations
    registered
    voters
    expressed
    turnout
    compareTurnout
    turnoutChange
    blocs {
      key
      name
      share
      votes
    }
    compareBlocs {
      key
      share
    }
  }
`);

/**
 * A page of the review's table, and the names of the federation and commune it is within (for the breadcrumb of a
 * shared link: the table of the level above, kept to that one zone).
 */
export const ResultsTableQuery = graphql(`
  query ResultsTable(
    $electionId: ID!
    $compareTo: ID
    $level: ResultsLevel!
    $within: ResultsWithinInput
    $orderBy: ResultsOrderInput
    $minTurnout: Float
    $maxTurnout: Float
    $first: Int
    $after: String
    $federation: String!
    $withFederation: Boolean!
    $commune: String!
    $withCommune: Boolean!
  ) {
    resultsTable(
      electionId: $electionId
      compareTo: $compareTo
      level: $level
      within: $within
      orderBy: $orderBy
      minTurnout: $minTurnout
      maxTurnout: $maxTurnout
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      items {
        ...ZoneResultsFields
      }
    }
    federationZone: resultsTable(electionId: $electionId, level: FEDERATION, within: { federation: $federation }, first: 1)
      @include(if: $withFederation) {
      items {
        code
        name
      }
    }
    communeZone: resultsTable(electionId: $electionId, level: COMMUNE, within: { commune: $commune }, first: 1)
      @include(if: $withCommune) {
      items {
        code
        name
      }
    }
  }
`);
