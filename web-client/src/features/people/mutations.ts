import { graphql } from '../../gql';

export const AddPersonMutation = graphql(`
  mutation AddPerson($input: AddPersonInput!) {
    addPerson(input: $input) {
      person {
        id
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

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      person {
        id
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
