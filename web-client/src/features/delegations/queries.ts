import { graphql } from '../../gql';

export const SectionDelegationsQuery = graphql(`
  query SectionDelegations($sectionId: ID!, $includeInactive: Boolean) {
    section(id: $sectionId) {
      id
      name
      federation {
        code
        name
      }
    }
    delegations(first: 100, filter: { scopeId: $sectionId, includeInactive: $includeInactive }) {
      totalCount
      edges {
        node {
          id
          role
          level
          permissions
          grantee {
            id
            displayName
          }
          grantedBy {
            id
            displayName
          }
          grantedAt
          expiresAt
          revokedAt
          isActive
        }
      }
    }
  }
`);

export const DelegationCandidatesQuery = graphql(`
  query DelegationCandidates($sectionId: ID!, $search: String) {
    section(id: $sectionId) {
      id
      people(first: 10, filter: { search: $search }) {
        edges {
          node {
            id
            displayName
            email
          }
        }
      }
    }
  }
`);

export const GrantDelegationMutation = graphql(`
  mutation GrantDelegation($input: GrantDelegationInput!) {
    grantDelegation(input: $input) {
      delegation {
        id
        permissions
        expiresAt
        grantee {
          id
          displayName
        }
      }
      errors {
        __typename
        code
        message
        ... on ValidationError {
          field
        }
      }
    }
  }
`);

export const RevokeDelegationMutation = graphql(`
  mutation RevokeDelegation($input: RevokeDelegationInput!) {
    revokeDelegation(input: $input) {
      delegation {
        id
        isActive
        revokedAt
      }
      errors {
        __typename
        code
        message
        ... on ValidationError {
          field
        }
      }
    }
  }
`);
