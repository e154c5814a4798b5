import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { useUrlPatch } from '../../ui/useUrlPatch';
import { useViewer } from '../viewer/ViewerContext';
import { nodeParams, readNode, sameNode, senderChoices, type MessagingNode, type NodeChoice } from './node';
import { MessagingSectionQuery } from './queries';

/**
 * The node a messaging page works on: the URL's, else the first the viewer sends from (their section). The section's
 * name, federation and seat come from the API; a node the URL names but no grant lists is offered too (the API says
 * whether the viewer may send from it).
 */
export function useMessagingNode<Extra extends string = never>() {
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  const [url, update] = useUrlPatch<Extra | 'section' | 'federation' | 'national' | 'after' | 'before'>();
  const fromUrl = useMemo(() => readNode(url), [url]);
  const granted = useMemo(
    () =>
      viewer ? senderChoices(viewer, { party: t('messaging.party'), federation: (code, name) => t('messaging.federation', { code, name }) }) : [],
    [viewer, t],
  );
  const node: MessagingNode | null = fromUrl ?? granted[0]?.node ?? null;

  const sectionId = node?.level === 'SECTION' ? node.sectionId : '';
  const sectionQuery = useQuery(MessagingSectionQuery, { id: sectionId }, { skip: !sectionId });
  const section = sectionId ? (sectionQuery.data?.section ?? null) : null;

  const choices = useMemo<NodeChoice[]>(() => {
    if (!node || granted.some((c) => sameNode(c.node, node))) return granted;
    return [{ node, name: nameOf(node, section?.name, t('messaging.party')) }, ...granted];
  }, [granted, node, section, t]);
  const name = node ? (choices.find((c) => sameNode(c.node, node))?.name ?? nameOf(node, section?.name, t('messaging.party'))) : '';
  // The section's own name wins over the grant's (it may have been renamed since).
  const label = section?.name ?? name;

  const choose = useCallback(
    (next: MessagingNode) => update({ ...nodeParams(next), after: null, before: null } as Parameters<typeof update>[0]),
    [update],
  );

  return {
    node,
    /** No node yet because the viewer's rights are still loading. */
    waiting: !node && viewerLoading,
    choices,
    choose,
    label,
    section,
    /** The federation whose electoral silences hold over this node. */
    federationCode: node?.level === 'FEDERATION' ? node.federationCode : (section?.federation.code ?? null),
    sectionLoading: !!sectionId && sectionQuery.loading && !sectionQuery.data,
    sectionError: sectionQuery.error,
    url,
    update,
  };
}

function nameOf(node: MessagingNode, sectionName: string | undefined, party: string): string {
  if (node.level === 'SECTION') return sectionName ?? '…';
  if (node.level === 'FEDERATION') return node.federationCode;
  return party;
}
