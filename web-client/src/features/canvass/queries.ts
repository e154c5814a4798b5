import { graphql } from '../../gql';

/** A share as the action page lists it (no walk list). */
export const TurfShareSummaryFields = graphql(`
  fragment TurfShareSummaryFields on TurfShareSummary {
    id
    number
    doors
    addresses
    checkedOut
    releasedAt
    holderName
    doorsReported
    heldByViewer
  }
`);

export const TurfSharesQuery = graphql(`
  query TurfShares($actionId: ID!) {
    turfShares(actionId: $actionId) {
      ...TurfShareSummaryFields
    }
  }
`);

/** A share with its walk list: what the volunteer walks, kept on the phone for use offline. */
export const WalkListFields = graphql(`
  fragment WalkListFields on TurfShare {
    id
    number
    doors
    doorsReported
    heldByViewer
    checkedOut
    holderName
    checkedOutAt
    pdfUrl
    action {
      id
      title
      status
      startsAt
      endsAt
      timeZone
      viewerManages
      viewerOrganizes
      questions {
        id
        label
        kind
        choices
      }
    }
    addresses {
      label
      street
      number
      suffix
      stationId
      point {
        latitude
        longitude
      }
      buildings {
        id
        label
        doorCount
        doors {
          id
          label
          outcome
        }
      }
    }
  }
`);

export const TurfShareQuery = graphql(`
  query TurfShare($id: ID!) {
    turfShare(id: $id) {
      ...WalkListFields
    }
  }
`);

export const SplitTurfMutation = graphql(`
  mutation SplitTurf($actionId: ID!, $shares: Int!) {
    splitTurf(actionId: $actionId, shares: $shares) {
      split {
        shares {
          ...TurfShareSummaryFields
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const CheckOutTurfShareMutation = graphql(`
  mutation CheckOutTurfShare($actionId: ID!, $shareId: ID) {
    checkOutTurfShare(actionId: $actionId, shareId: $shareId) {
      share {
        ...WalkListFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const ReleaseTurfShareMutation = graphql(`
  mutation ReleaseTurfShare($shareId: ID!) {
    releaseTurfShare(shareId: $shareId) {
      share {
        id
        number
        checkedOut
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** How many doors a building of the share has (1 to 500), entered in the field; never below a reported door. */
export const SetBuildingDoorCountMutation = graphql(`
  mutation SetBuildingDoorCount($actionId: ID!, $buildingId: ID!, $count: Int!) {
    setBuildingDoorCount(actionId: $actionId, buildingId: $buildingId, count: $count) {
      building {
        id
        label
        doorCount
        doors {
          id
          label
          outcome
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const SubmitDoorReportsMutation = graphql(`
  mutation SubmitDoorReports($input: SubmitDoorReportsInput!) {
    submitDoorReports(input: $input) {
      submitted {
        results {
          clientId
          status
          code
          message
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const FieldReviewQuery = graphql(`
  query FieldReview($level: ReviewLevel!, $federationCode: String, $from: DateTime, $to: DateTime, $byWeek: Boolean) {
    fieldReview(level: $level, federationCode: $federationCode, from: $from, to: $to, byWeek: $byWeek) {
      key
      label
      week
      actionsHeld
      attendanceTarget
      volunteers
      checkedIn
      doorsKnocked
      contacts
      newSupporters
      withheld
    }
  }
`);
