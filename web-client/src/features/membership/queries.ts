import { graphql } from '../../gql';

/** The viewer's grants with their federations' ids: where they may import a membership file. */
export const MembershipScopesQuery = graphql(`
  query MembershipScopes {
    me {
      grants(first: 100) {
        items {
          id
          level
          permissions
          federation {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const StartMembershipImportMutation = graphql(`
  mutation StartMembershipImport($input: StartMembershipImportInput!) {
    startMembershipImport(input: $input) {
      run {
        id
        status
        done
        total
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** A dry run's or an apply's report, as the history lists it. */
export const MembershipImportSummaryFields = graphql(`
  fragment MembershipImportSummaryFields on MembershipImport {
    id
    fileName
    fileBytes
    dryRun
    skipInvalidRows
    status
    rows
    problemCount
    startedAt
    finishedAt
  }
`);

/** A report in full: counts, problems (line 1 is the header, column 1 is A; none for the whole file), changes. */
export const MembershipImportReportFields = graphql(`
  fragment MembershipImportReportFields on MembershipImport {
    ...MembershipImportSummaryFields
    scope
    encoding
    dryRunId
    uploadId
    counts {
      newMembers
      becomeMembers
      updated
      moveSection
      unchanged
      becomeFormerMembers
      rolesGranted
      rolesWithdrawn
      rolesNotGranted
      consentsRecorded
      skippedRows
    }
    problems {
      line
      column
      code
      message
    }
    changes {
      kind
      line
      name
      detail
      personId
    }
    mapping {
      field
      column
    }
  }
`);

export const MembershipImportOfRunQuery = graphql(`
  query MembershipImportOfRun($runId: ID!) {
    membershipImportOfRun(runId: $runId) {
      ...MembershipImportReportFields
    }
  }
`);

/** The dry runs and applies of a federation (scopeId) or of the party (none), newest first. */
export const MembershipImportsQuery = graphql(`
  query MembershipImports($scopeId: ID, $first: Int, $after: String) {
    membershipImports(scopeId: $scopeId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        ...MembershipImportSummaryFields
      }
    }
  }
`);
