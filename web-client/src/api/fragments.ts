import { graphql } from '../gql';

/** What every mutation payload's errors are read as (see mutationErrors.ts). */
export const PayloadErrorFields = graphql(`
  fragment PayloadErrorFields on MutationError {
    __typename
    code
    message
    ... on ValidationError {
      field
    }
  }
`);

/** Keyset paging: opaque cursors, forward with first/after, backward with last/before. */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
