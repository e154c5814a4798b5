import { graphql } from '../../gql';

/** The viewer's own record, read as `me.person` (reading oneself is not written to one's access log). */
export const MyProfileQuery = graphql(`
  query MyProfile {
    me {
      person {
        ...PersonDetailsFields
      }
    }
  }
`);

export const MyInvitationsQuery = graphql(`
  query MyInvitations {
    me {
      invitations(first: 20, pendingOnly: true) {
        items {
          id
          createdAt
          section {
            id
            name
            federation {
              code
              name
            }
          }
        }
      }
    }
  }
`);

export const AnswerInvitationMutation = graphql(`
  mutation AnswerInvitation($input: AnswerSectionInvitationInput!) {
    answerSectionInvitation(input: $input) {
      invitation {
        id
        accepted
        answeredAt
        section {
          id
          name
        }
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);
