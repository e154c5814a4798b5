import { graphql } from '../../gql';

export const HeldGrantFields = graphql(`
  fragment HeldGrantFields on RoleGrant {
    id
    role
    level
    permissions
    section {
      id
      name
    }
    federation {
      code
      name
    }
    grantedAt
    expiresAt
  }
`);

/** Current consents and the latest lines of the ledger: what recordConsent answers, so the page needs no reload. */
export const PersonConsentsFields = graphql(`
  fragment PersonConsentsFields on Person {
    id
    consents {
      purpose
      channel
      granted
      method
      at
    }
    consentHistory(first: 20) {
      pageInfo {
        hasNextPage
      }
      items {
        purpose
        channel
        granted
        method
        at
        recordedByThePerson
        wordingVersion
      }
    }
  }
`);

export const AccessLogFields = graphql(`
  fragment AccessLogFields on Person {
    accessLog(first: 20) {
      pageInfo {
        hasNextPage
      }
      items {
        kind
        at
        actorName
      }
    }
  }
`);

/**
 * Everything a person's page shows. Reading a person through `person(id)` or `node` writes to their access log, so
 * the page is refreshed from what its mutations answer rather than read again.
 */
export const PersonDetailsFields = graphql(`
  fragment PersonDetailsFields on Person {
    id
    kind
    firstName
    lastName
    displayName
    email
    phone
    address {
      line1
      line2
      postalCode
      city
      country
    }
    location {
      latitude
      longitude
    }
    tags
    profileVisibility
    createdAt
    updatedAt
    signsIn
    isViewer
    viewerCanManage
    viewerSeesDetails
    section {
      id
      name
      federation {
        code
        name
      }
    }
    grants(first: 100) {
      items {
        ...HeldGrantFields
      }
    }
    ...PersonConsentsFields
    ...AccessLogFields
  }
`);
