import { graphql } from '../../gql';

export const ImportKindsQuery = graphql(`
  query ImportKinds {
    importKinds {
      kind
      description
      options {
        name
        description
      }
    }
  }
`);

export const ImportReportFields = graphql(`
  fragment ImportReportFields on ImportReport {
    id
    kind
    fileName
    fileBytes
    dryRun
    status
    summary
    counts
    warningCount
    warnings
    problem
    startedAt
    finishedAt
  }
`);

/** Past imports, newest first (national ENTER_RESULTS). */
export const ImportReportsQuery = graphql(`
  query ImportReports($first: Int, $after: String) {
    importReports(first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      items {
        ...ImportReportFields
      }
    }
  }
`);

/** An import job's progress (its file read, in KB) and how it ended. */
export const ImportRunQuery = graphql(`
  query ImportRun($id: ID!) {
    node(id: $id) {
      __typename
      ... on JobRun {
        id
        status
        done
        total
        summary
        stopCode
        stopReason
      }
    }
  }
`);

export const ImportReportOfRunQuery = graphql(`
  query ImportReportOfRun($runId: ID!) {
    importReportOfRun(runId: $runId) {
      ...ImportReportFields
    }
  }
`);
