import { graphql } from '../../gql';

export const ViewerGrantFields = graphql(`
  fragment ViewerGrantFields on RoleGrant {
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
`);

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      email
      person {
        id
        displayName
        kind
        section {
          id
          name
        }
      }
      grants(first: 100) {
        items {
          ...ViewerGrantFields
        }
      }
    }
  }
`);
