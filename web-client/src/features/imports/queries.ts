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

/**
 * A job's progress (an import: its file read, in KB) and how it ended; a job making a file (a personal data download)
 * gives its URL once it succeeded. Followed by useJobRun.
 */
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
        resultUrl
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
