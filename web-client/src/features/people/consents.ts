import { useQuery } from '../../api/hooks';
import { graphql } from '../../gql';
import type { ConsentChannel, ConsentPurpose, ConsentWordingsQuery as ConsentWordingsResult } from '../../gql/graphql';

/** The four consents, in the order forms and lists show them. */
export const CONSENT_KINDS: readonly { purpose: ConsentPurpose; channel: ConsentChannel }[] = [
  { purpose: 'NEWS', channel: 'EMAIL' },
  { purpose: 'NEWS', channel: 'SMS' },
  { purpose: 'ACTIONS', channel: 'EMAIL' },
  { purpose: 'ACTIONS', channel: 'SMS' },
];

export type ConsentKey = `${ConsentPurpose}-${ConsentChannel}`;

export function consentKey(c: { purpose: ConsentPurpose; channel: ConsentChannel }): ConsentKey {
  return `${c.purpose}-${c.channel}`;
}

/** Methods a manager records a consent with; the person's own is always WEB_FORM, IMPORT is the membership file's. */
export const MANAGER_METHODS = ['PAPER_FORM', 'ORAL'] as const;
export type ManagerMethod = (typeof MANAGER_METHODS)[number];

export const ConsentWordingsQuery = graphql(`
  query ConsentWordings {
    consentWordings {
      purpose
      channel
      version
      french
      english
    }
  }
`);

export type ConsentWording = ConsentWordingsResult['consentWordings'][number];
export type Wordings = Partial<Record<ConsentKey, ConsentWording>>;

/** The current wording of each consent: shown next to its checkbox, and its version recorded with a grant. */
export function useConsentWordings(): { wordings: Wordings | null; loading: boolean } {
  const { data, loading } = useQuery(ConsentWordingsQuery, {});
  const wordings = data ? Object.fromEntries(data.consentWordings.map((w) => [consentKey(w), w])) : null;
  return { wordings, loading };
}

export function wordingText(wording: ConsentWording | undefined, language: string | undefined): string | null {
  if (!wording) return null;
  return language === 'fr' ? wording.french : wording.english;
}
