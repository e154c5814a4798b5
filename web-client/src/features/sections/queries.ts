import { graphql } from '../../gql';

/** A section as headings and links show it, with what the viewer may do there (answered by the API). */
export const SectionHeaderFields = graphql(`
  fragment SectionHeaderFields on Section {
    id
    name
    federation {
      code
      name
    }
    viewerPermissions
  }
`);

export const PersonRowFields = graphql(`
  fragment PersonRowFields on Person {
    id
    displayName
    kind
    email
    phone
    tags
    viewerSeesDetails
  }
`);

/**
 * The section header and its people are asked under two aliases, so that a FORBIDDEN on `people`
 * (path peopleOf.people) still leaves the section's name readable.
 */
export const SectionPeopleQuery = graphql(`
  query SectionPeople(
    $id: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: PersonFilter
    $sort: PersonSort
  ) {
    section(id: $id) {
      ...SectionHeaderFields
    }
    peopleOf: section(id: $id) {
      id
      people(first: $first, after: $after, last: $last, before: $before, filter: $filter, sort: $sort) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        items {
          ...PersonRowFields
        }
      }
    }
  }
`);

export const ExportPeopleMutation = graphql(`
  mutation ExportPeople($input: ExportPeopleInput!) {
    exportPeople(input: $input) {
      run {
        ...JobRunFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const JobRunFields = graphql(`
  fragment JobRunFields on JobRun {
    id
    status
    done
    total
    stopCode
    stopReason
    resultUrl
  }
`);

export const JobRunQuery = graphql(`
  query JobRun($id: ID!) {
    node(id: $id) {
      __typename
      ... on JobRun {
        ...JobRunFields
      }
    }
  }
`);
