import { graphql } from '../../gql';

/**
 * Starts the download of everything Coopol holds about a person: the viewer (no personId), or a person whose section
 * the viewer manages, on their request (written to that person's access log). A job makes the ZIP: see JobRun.resultUrl.
 */
export const ExportPersonalDataMutation = graphql(`
  mutation ExportPersonalData($personId: ID) {
    exportPersonalData(personId: $personId) {
      run {
        id
        status
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);

/** Erases a person's data for good (the viewer's own without personId); confirmation must be the word ERASE. */
export const ErasePersonalDataMutation = graphql(`
  mutation ErasePersonalData($input: ErasePersonalDataInput!) {
    erasePersonalData(input: $input) {
      erasure {
        at
        byThemselves
        rows
      }
      errors {
        ...PayloadErrorFields
      }
    }
  }
`);
