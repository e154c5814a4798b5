import type { ElectoralSilencesQuery } from '../../gql/graphql';

export type Silence = ElectoralSilencesQuery['electoralSilences'][number];

/** The silence in effect now over where the action is (the whole country, its département or its commune), if any. */
export function silenceOver(
  silences: readonly Silence[] | undefined,
  where: { federationCode: string; communeCode: string | null | undefined },
  now = Date.now(),
): Silence | null {
  return (
    silences?.find(
      (s) =>
        Date.parse(s.startsAt) <= now &&
        now < Date.parse(s.endsAt) &&
        (s.scope === 'FR' || s.scope === where.federationCode || s.scope === where.communeCode),
    ) ?? null
  );
}
