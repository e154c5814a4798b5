import { graphql } from '../../gql';

export const AddPersonMutation = graphql(`
  mutation AddPerson($input: AddPersonInput!) {
    addPerson(input: $input) {
      person {
        id
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      person {
        ...PersonDetailsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      person {
        ...PersonConsentsFields
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);
