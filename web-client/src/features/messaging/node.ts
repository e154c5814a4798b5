import type { Viewer } from '../viewer/permissions';

/**
 * Where messages are sent from: a section, a federation, or the whole party. It lives in the URL (`?section=<id>`,
 * `?federation=<code>`, `?national=1`), so links and Back keep it; the API's `sectionId` / `federationCode` arguments
 * name it (neither: the party).
 */
export type MessagingNode =
  | { level: 'SECTION'; sectionId: string }
  | { level: 'FEDERATION'; federationCode: string }
  | { level: 'NATIONAL' };

export type NodeParam = 'section' | 'federation' | 'national';

/** A node the viewer may send from, with its name for the picker. */
export interface NodeChoice {
  node: MessagingNode;
  name: string;
}

const FEDERATION = /^[0-9A-Za-z]{1,3}$/;

/** The node the URL names, if any. */
export function readNode(url: URLSearchParams): MessagingNode | null {
  const section = url.get('section')?.trim();
  if (section) return { level: 'SECTION', sectionId: section };
  const federation = url.get('federation')?.trim() ?? '';
  if (FEDERATION.test(federation)) return { level: 'FEDERATION', federationCode: federation.toUpperCase() };
  if (url.get('national') === '1') return { level: 'NATIONAL' };
  return null;
}

/** The URL parameters of a node (the others cleared). */
export function nodeParams(node: MessagingNode): Record<NodeParam, string | null> {
  return {
    section: node.level === 'SECTION' ? node.sectionId : null,
    federation: node.level === 'FEDERATION' ? node.federationCode : null,
    national: node.level === 'NATIONAL' ? '1' : null,
  };
}

/** `?section=…` (or federation, national): what links to the other messaging pages carry. */
export function nodeQuery(node: MessagingNode, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...nodeParams(node), ...extra })) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's arguments for a node. */
export function nodeVariables(node: MessagingNode): { sectionId: string | null; federationCode: string | null } {
  return {
    sectionId: node.level === 'SECTION' ? node.sectionId : null,
    federationCode: node.level === 'FEDERATION' ? node.federationCode : null,
  };
}

/** The node a message or a segment belongs to, as the API gives it. */
export function nodeOf(item: { sectionId?: string | null; federationCode?: string | null; level: string }): MessagingNode {
  if (item.level === 'SECTION' && item.sectionId) return { level: 'SECTION', sectionId: item.sectionId };
  if (item.level === 'FEDERATION' && item.federationCode) return { level: 'FEDERATION', federationCode: item.federationCode };
  return { level: 'NATIONAL' };
}

export function nodeKey(node: MessagingNode): string {
  return node.level === 'SECTION' ? `s:${node.sectionId}` : node.level === 'FEDERATION' ? `f:${node.federationCode}` : 'n';
}

export function sameNode(a: MessagingNode, b: MessagingNode): boolean {
  return nodeKey(a) === nodeKey(b);
}

/** How the picker names a federation and the party. */
export interface NodeNames {
  party: string;
  federation: (code: string, name: string) => string;
}

/**
 * The nodes the viewer's grants let them send from: their sections, then their own section when a wider grant covers
 * it (a national or federation grant sends from the sections under it; the API refuses what it does not cover), their
 * federations, the party.
 */
export function senderChoices(viewer: Viewer, names: NodeNames): NodeChoice[] {
  const grants = viewer.grants.filter((g) => g.permissions.includes('SEND_MESSAGES'));
  const choices: NodeChoice[] = [];
  const add = (choice: NodeChoice) => {
    if (!choices.some((c) => sameNode(c.node, choice.node))) choices.push(choice);
  };
  for (const g of grants) if (g.level === 'SECTION' && g.section) add({ node: { level: 'SECTION', sectionId: g.section.id }, name: g.section.name });
  const own = viewer.person?.section;
  if (own && grants.some((g) => g.level !== 'SECTION')) add({ node: { level: 'SECTION', sectionId: own.id }, name: own.name });
  for (const g of grants)
    if (g.level === 'FEDERATION' && g.federation)
      add({ node: { level: 'FEDERATION', federationCode: g.federation.code }, name: names.federation(g.federation.code, g.federation.name) });
  if (grants.some((g) => g.level === 'NATIONAL')) add({ node: { level: 'NATIONAL' }, name: names.party });
  return choices;
}
