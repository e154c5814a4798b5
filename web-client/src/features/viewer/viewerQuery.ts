import { graphql } from '../../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      email
      person {
        id
        displayName
        section {
          id
          name
        }
      }
      grants {
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
      }
    }
  }
`);
