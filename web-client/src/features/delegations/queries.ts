import { graphql } from '../../gql';

export const DelegationFields = graphql(`
  fragment DelegationFields on RoleGrant {
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
    viewerCanRevoke
  }
`);

export const SectionDelegationsQuery = graphql(`
  query SectionDelegations($sectionId: ID!, $includeInactive: Boolean) {
    section(id: $sectionId) {
      ...SectionHeaderFields
      delegablePermissions
    }
    delegations(first: 100, filter: { scopeId: $sectionId, includeInactive: $includeInactive }) {
      totalCount
      items {
        ...DelegationFields
      }
    }
  }
`);

/** What revoking a grant also revokes, down the chain: asked when the confirmation opens, not for every row. */
export const RevokeImpactQuery = graphql(`
  query RevokeImpact($id: ID!) {
    node(id: $id) {
      __typename
      ... on RoleGrant {
        id
        revokedWithIt(first: 100) {
          totalCount
          items {
            id
            permissions
            level
            grantee {
              id
              displayName
            }
            section {
              name
            }
            federation {
              name
            }
          }
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
        items {
          id
          displayName
          email
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
        ...PayloadErrorFields
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
        ...PayloadErrorFields
      }
    }
  }
`);
