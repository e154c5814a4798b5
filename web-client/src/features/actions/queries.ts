import { graphql } from '../../gql';

/** An action as lists and map markers show it. */
export const ActionSummaryFields = graphql(`
  fragment ActionSummaryFields on Action {
    id
    title
    kind
    status
    visibility
    startsAt
    endsAt
    timeZone
    approximatePoint {
      latitude
      longitude
    }
    attendance {
      confirmed
      waiting
      checkedIn
      target
      capacity
      placesLeft
    }
    viewerParticipation
    section {
      id
      name
    }
  }
`);

/** Everything the action page shows; the API leaves out what the viewer may not see (meeting point, turf). */
export const ActionDetailsFields = graphql(`
  fragment ActionDetailsFields on Action {
    ...ActionSummaryFields
    description
    meetingAddress
    meetingPoint {
      latitude
      longitude
    }
    communeCode
    attendanceTarget
    capacity
    turfStationIds
    publishedAt
    cancelledAt
    cancelReason
    viewerManages
    viewerOrganizes
    section {
      id
      name
      federation {
        code
        name
      }
    }
  }
`);

export const NearbyActionsQuery = graphql(`
  query NearbyActions($near: NearInput!, $radiusKm: Float, $kinds: [ActionKind!], $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    nearbyActions(near: $near, radiusKm: $radiusKm, kinds: $kinds, from: $from, to: $to, first: $first, after: $after) {
      place {
        label
        communeCode
        point {
          latitude
          longitude
        }
      }
      actions {
        pageInfo {
          hasNextPage
          endCursor
        }
        items {
          distanceMeters
          action {
            ...ActionSummaryFields
          }
        }
      }
    }
  }
`);

export const ActionQuery = graphql(`
  query Action($id: ID!) {
    action(id: $id) {
      ...ActionDetailsFields
      notices {
        kind
        status
        subject
        heldReason
        createdAt
      }
    }
  }
`);

export const ParticipantFields = graphql(`
  fragment ParticipantFields on ActionParticipant {
    id
    displayName
    email
    phone
    status
    joinedAt
    checkedInAt
  }
`);

/** Asked only when the viewer runs the action: anyone else gets FORBIDDEN. */
export const ActionParticipantsQuery = graphql(`
  query ActionParticipants($id: ID!, $first: Int, $after: String) {
    action(id: $id) {
      id
      participants(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        items {
          ...ParticipantFields
        }
      }
    }
  }
`);

export const SectionActionsQuery = graphql(`
  query SectionActions($sectionId: ID!, $status: ActionStatus, $upcomingOnly: Boolean, $first: Int, $after: String) {
    section(id: $sectionId) {
      id
      name
      viewerPermissions
    }
    actions(sectionId: $sectionId, status: $status, upcomingOnly: $upcomingOnly, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        ...ActionSummaryFields
      }
    }
  }
`);

export const MyActionsQuery = graphql(`
  query MyActions($first: Int, $after: String) {
    myActions(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        ...ActionSummaryFields
        viewerOrganizes
      }
    }
  }
`);

/** The section an action is created for: its name, and its seat to centre the meeting-point map on. */
export const ActionSectionQuery = graphql(`
  query ActionSection($id: ID!) {
    section(id: $id) {
      id
      name
      seatAddress
      seatLocation {
        latitude
        longitude
      }
      viewerPermissions
    }
  }
`);

export const ElectoralSilencesQuery = graphql(`
  query ElectoralSilences {
    electoralSilences {
      id
      name
      scope
      startsAt
      endsAt
    }
  }
`);

export const CreateActionMutation = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const UpdateActionMutation = graphql(`
  mutation UpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const DuplicateActionMutation = graphql(`
  mutation DuplicateAction($input: DuplicateActionInput!) {
    duplicateAction(input: $input) {
      action {
        id
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const PublishActionMutation = graphql(`
  mutation PublishAction($actionId: ID!) {
    publishAction(actionId: $actionId) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const CancelActionMutation = graphql(`
  mutation CancelAction($input: CancelActionInput!) {
    cancelAction(input: $input) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const CompleteActionMutation = graphql(`
  mutation CompleteAction($actionId: ID!) {
    completeAction(actionId: $actionId) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const JoinActionMutation = graphql(`
  mutation JoinAction($actionId: ID!) {
    joinAction(actionId: $actionId, waitIfFull: true) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const LeaveActionMutation = graphql(`
  mutation LeaveAction($actionId: ID!) {
    leaveAction(actionId: $actionId) {
      action {
        ...ActionDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const JoinActionAsVisitorMutation = graphql(`
  mutation JoinActionAsVisitor($input: JoinActionAsVisitorInput!) {
    joinActionAsVisitor(input: $input) {
      joined {
        confirmationSentTo
        status
        action {
          ...ActionDetailsFields
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** The link a visitor got (`/actions/confirm?token=…`): works once, within 48 hours. */
export const ConfirmVisitorSignupMutation = graphql(`
  mutation ConfirmVisitorSignup($token: String!) {
    confirmVisitorSignup(token: $token) {
      joined {
        confirmationSentTo
        status
        action {
          id
          title
          status
          startsAt
          endsAt
          timeZone
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** What actions would send while no mail or SMS provider is configured (the national team only). */
export const ActionOutboxQuery = graphql(`
  query ActionOutbox($first: Int) {
    actionOutbox(first: $first) {
      kind
      status
      heldReason
      subject
      recipient
      body
      createdAt
    }
  }
`);

export const CheckInParticipantMutation = graphql(`
  mutation CheckInParticipant($input: CheckInInput!) {
    checkInParticipant(input: $input) {
      participant {
        ...ParticipantFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** The form needs the drawn turf too: it shows it, and leaves it out of the update while unchanged. */
export const ActionForEditQuery = graphql(`
  query ActionForEdit($id: ID!) {
    action(id: $id) {
      ...ActionDetailsFields
      turfArea
      campaign
      questions {
        id
        label
        kind
        choices
      }
    }
  }
`);
