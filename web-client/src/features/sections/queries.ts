import { graphql } from '../../gql';

/**
 * The section header and its people are asked under two aliases, so that a FORBIDDEN
 * on `people` (path peopleOf.people) still leaves the section's name readable.
 */
export const SectionPeopleQuery = graphql(`
  query SectionPeople($id: ID!, $first: Int!, $after: String, $filter: PersonFilter) {
    section(id: $id) {
      id
      name
      federation {
        code
        name
      }
    }
    peopleOf: section(id: $id) {
      id
      people(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            displayName
            kind
            email
            phone
            tags
          }
        }
      }
    }
  }
`);
