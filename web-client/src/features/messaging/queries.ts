import { graphql } from '../../gql';

/** Who a segment reaches now: a count from 0 to 4 is null for a sender who does not see everyone (smallCountsHidden). */
export const SegmentCountFields = graphql(`
  fragment SegmentCountFields on SegmentCount {
    matched
    emailReachable
    smsReachable
    smallCountsHidden
  }
`);

export const SegmentFields = graphql(`
  fragment SegmentFields on Segment {
    id
    name
    level
    federationCode
    sectionId
    definition {
      kinds
      tags
      sectionIds
      stationIds
      actionIds
      consentFor
      personCount
      personIds
    }
    area
    count {
      ...SegmentCountFields
    }
    updatedAt
  }
`);

export const MessagePreviewFields = graphql(`
  fragment MessagePreviewFields on MessagePreview {
    subject
    html
    text
    sms {
      characters
      encoding
      units
      segments
    }
    costPerRecipient
    currency
  }
`);

/** A message as the list shows it. */
export const MessageSummaryFields = graphql(`
  fragment MessageSummaryFields on Message {
    id
    channel
    status
    subject
    body
    segmentId
    segmentName
    createdAt
    scheduledAt
    sendStartedAt
    finishedAt
    stats {
      sent
      delivered
      failed
    }
  }
`);

/** Everything the message page and the composer read (the outbox is asked apart, paged). */
export const MessageDetailsFields = graphql(`
  fragment MessageDetailsFields on Message {
    ...MessageSummaryFields
    purpose
    level
    sectionId
    federationCode
    segmentId
    campaign
    ignoreQuietHours
    matched
    withoutConsent
    withoutContact
    duplicates
    queued
    stopCode
    stopReason
    stats {
      queued
      held
      sending
      sent
      delivered
      failed
      bounced
      optedOut
      tests
    }
  }
`);

export const OutboxEntryFields = graphql(`
  fragment OutboxEntryFields on OutboxEntry {
    recipient
    recipientName
    status
    note
    errorCode
    attempts
    isTest
    sentAt
    deliveredAt
    local
  }
`);

/** The section messages are sent from: its name, federation (for electoral silences) and seat (for the area map). */
export const MessagingSectionQuery = graphql(`
  query MessagingSection($id: ID!) {
    section(id: $id) {
      id
      name
      viewerPermissions
      federation {
        code
        name
      }
      seatLocation {
        latitude
        longitude
      }
    }
  }
`);

export const MessagesQuery = graphql(`
  query Messages($sectionId: ID, $federationCode: String, $first: Int, $after: String, $last: Int, $before: String) {
    messages(sectionId: $sectionId, federationCode: $federationCode, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        ...PageInfoFields
      }
      items {
        ...MessageSummaryFields
      }
    }
  }
`);

export const SegmentsQuery = graphql(`
  query Segments($sectionId: ID, $federationCode: String, $first: Int, $after: String, $last: Int, $before: String) {
    segments(sectionId: $sectionId, federationCode: $federationCode, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        ...PageInfoFields
      }
      items {
        ...SegmentFields
      }
    }
  }
`);

export const SegmentQuery = graphql(`
  query Segment($id: ID!) {
    segment(id: $id) {
      ...SegmentFields
    }
  }
`);

export const SegmentCountQuery = graphql(`
  query SegmentCount($sectionId: ID, $federationCode: String, $definition: SegmentDefinitionInput!) {
    segmentCount(sectionId: $sectionId, federationCode: $federationCode, definition: $definition) {
      ...SegmentCountFields
    }
  }
`);

/** The actions of a section, past ones included: "took part in" picks among them. */
export const SegmentActionsQuery = graphql(`
  query SegmentActions($sectionId: ID!, $first: Int) {
    actions(sectionId: $sectionId, upcomingOnly: false, first: $first) {
      items {
        id
        title
        startsAt
        status
      }
    }
  }
`);

export const MessageQuery = graphql(`
  query Message($id: ID!, $status: OutboxStatus, $first: Int, $after: String, $last: Int, $before: String) {
    message(id: $id) {
      ...MessageDetailsFields
      preview {
        ...MessagePreviewFields
      }
      outbox(status: $status, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...OutboxEntryFields
          }
        }
      }
    }
  }
`);

/** A draft, as the composer reads it back. */
export const DraftQuery = graphql(`
  query Draft($id: ID!) {
    message(id: $id) {
      ...MessageDetailsFields
    }
  }
`);

export const MessagePreviewQuery = graphql(`
  query MessagePreview($sectionId: ID, $federationCode: String, $channel: ConsentChannel!, $subject: String, $body: String!) {
    messagePreview(sectionId: $sectionId, federationCode: $federationCode, channel: $channel, subject: $subject, body: $body) {
      ...MessagePreviewFields
    }
  }
`);

export const SectionMailTemplateQuery = graphql(`
  query SectionMailTemplate($sectionId: ID!) {
    sectionMailTemplate(sectionId: $sectionId) {
      senderName
      footer
    }
  }
`);

export const SaveSegmentMutation = graphql(`
  mutation SaveSegment($input: SaveSegmentInput!) {
    saveSegment(input: $input) {
      segment {
        ...SegmentFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const DeleteSegmentMutation = graphql(`
  mutation DeleteSegment($id: ID!) {
    deleteSegment(id: $id) {
      segment {
        id
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const ComposeMessageMutation = graphql(`
  mutation ComposeMessage($input: ComposeMessageInput!) {
    composeMessage(input: $input) {
      message {
        ...MessageDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const TestSendMessageMutation = graphql(`
  mutation TestSendMessage($messageId: ID!) {
    testSendMessage(messageId: $messageId) {
      message {
        id
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        status
        scheduledAt
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const CancelMessageMutation = graphql(`
  mutation CancelMessage($messageId: ID!) {
    cancelMessage(messageId: $messageId) {
      message {
        id
        status
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const SetSectionMailTemplateMutation = graphql(`
  mutation SetSectionMailTemplate($input: SectionMailTemplateInput!) {
    setSectionMailTemplate(input: $input) {
      template {
        senderName
        footer
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);
