import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentFieldsFragment } from '../../gql/graphql';

/** A segment's filters in a few words each: "Members", "tag: canvassing", "3 polling stations", "area drawn"… */
export function useDefinitionSummary() {
  const { t } = useTranslation();
  return useCallback(
    (d: SegmentFieldsFragment['definition'], hasArea: boolean): string[] => {
      const parts: string[] = [];
      if (d.kinds.length) parts.push(d.kinds.map((k) => t(`messaging.segments.form.kind.${k}`)).join(', '));
      for (const tag of d.tags) parts.push(t('messaging.segments.summary.tag', { tag }));
      if (d.stationIds.length) parts.push(t('messaging.segments.summary.stations', { count: d.stationIds.length }));
      if (hasArea) parts.push(t('messaging.segments.summary.area'));
      if (d.actionIds.length) parts.push(t('messaging.segments.summary.actions', { count: d.actionIds.length }));
      if (d.sectionIds.length) parts.push(t('messaging.segments.summary.sections', { count: d.sectionIds.length }));
      if (d.personCount) parts.push(t('messaging.segments.summary.people', { count: d.personCount }));
      if (d.consentFor) parts.push(t(`messaging.segments.summary.consent.${d.consentFor}`));
      if (!parts.length) parts.push(t('messaging.segments.summary.everyone'));
      return parts;
    },
    [t],
  );
}
