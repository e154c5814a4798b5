import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { isKnownErrorCode } from './errorText';

/** Every code the API documents (top-level extensions.code or payload errors[].code, and job stop codes). */
const API_CODES = `UNAUTHENTICATED FORBIDDEN PERSON_NOT_FOUND SECTION_NOT_FOUND FEDERATION_NOT_FOUND VALIDATION_FAILED EMAIL_TAKEN
  INVALID_EMAIL INVALID_PHONE REQUIRED TOO_LONG INVALID_POSTAL_CODE INVALID_COUNTRY INVALID_TAGS INVALID_CONSENTS INVALID_METHOD
  WORDING_OUTDATED CONSENT_WITHDRAWN_BY_PERSON EMAIL_CHANGE_NEEDS_MANAGER GRANT_NOT_FOUND GRANT_ALREADY_REVOKED DELEGATION_EXPIRED
  ROLE_ALREADY_HELD DELEGATION_EXCEEDS_GRANTOR DELEGATION_OUTLIVES_GRANTOR IN_THE_PAST CANNOT_DELEGATE_TO_SELF CANNOT_APPOINT_SELF
  PERMISSION_NOT_IN_USE INVALID_ID INVALID_CURSOR OUT_OF_RANGE FIRST_AND_LAST SECTION_NOT_IN_FEDERATION SECTION_NAME_TAKEN
  INVITATION_NOT_FOUND INVITATION_ALREADY_ANSWERED CONCURRENT_CHANGE RIGHT_REVOKED INTERNAL_ERROR COMPLEXITY TOO_MANY NETWORK HTTP
  EXPORT_NOT_FOUND ELECTION_NOT_FOUND LAYER_NOT_FOUND TILE_NOT_FOUND IMPORT_INVALID IMPORT_KIND_UNKNOWN IMPORT_TOO_LARGE
  IMPORT_UPLOAD_GONE INVALID UNAVAILABLE`.split(/\s+/);

describe('error codes', () => {
  it('has a French and an English text for every code the API sends', () => {
    for (const code of API_CODES) {
      expect(isKnownErrorCode(code), code).toBe(true);
      expect(fr.errorCode[code as keyof typeof fr.errorCode], code).toBeTruthy();
      expect(en.errorCode[code as keyof typeof en.errorCode], code).toBeTruthy();
    }
  });

  it('does not take an unknown code, nor an inherited property, for a known one', () => {
    expect(isKnownErrorCode('SOMETHING_NEW')).toBe(false);
    expect(isKnownErrorCode('toString')).toBe(false);
    expect(isKnownErrorCode(null)).toBe(false);
  });
});
