import { useMemo } from 'react';
import { useQuery } from '../../api/hooks';
import type { ElectionFieldsFragment } from '../../gql/graphql';
import { ElectionsQuery, MapLayersQuery } from './queries';

export type Election = ElectionFieldsFragment;

/** The elections the viewer may see, newest first, and the one the URL names (else the newest). */
export function useElections(chosenId: string | null) {
  const { data, error, loading } = useQuery(ElectionsQuery, {});
  const elections = useMemo(
    () => (data?.elections.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [data],
  );
  const election = elections.find((e) => e.id === chosenId) ?? elections[0] ?? null;
  return { elections, election, error, loading: loading && !data };
}

/** Bloc names come as the nuance file writes them ("extrême droite"): shown with a capital. */
export function capitalize(name: string): string {
  return name.charAt(0).toLocaleUpperCase('fr') + name.slice(1);
}

export interface Bloc {
  key: string;
  name: string;
}

/** An election's blocs, in their order, from the map's layer choices (bloc.<key>). */
export function useBlocs(electionId: string | null) {
  const { data } = useQuery(MapLayersQuery, { electionId: electionId ?? '' }, { skip: !electionId });
  return useMemo<Bloc[]>(
    () =>
      (data?.mapLayers ?? [])
        .filter((l) => l.group === 'bloc' && l.layer.startsWith('bloc.'))
        .map((l) => ({ key: l.layer.slice('bloc.'.length), name: capitalize(l.label) })),
    [data],
  );
}
