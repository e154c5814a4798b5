import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLHandler } from '../../test/api';
import { BREST, viewerAnswer } from '../../test/fixtures';
import {
  count,
  DELEGATE_PERMISSIONS,
  delegateGrant,
  message,
  messagingSection,
  messagingSectionWith,
  PAGE_INFO,
  SEGMENT_ID,
  segment,
  segmentsAnswer,
} from '../../test/messagingFixtures';
import { actAsPhone, renderApp } from '../../test/render';

// jsdom has no WebGL: each tap on the area map adds the next corner of a square.
const CORNERS = [
  { latitude: 48.39, longitude: -4.49 },
  { latitude: 48.39, longitude: -4.48 },
  { latitude: 48.4, longitude: -4.48 },
  { latitude: 48.4, longitude: -4.49 },
];
vi.mock('../actions/TurfAreaPicker', () => ({
  default: ({ onAdd, points }: { onAdd: (p: { latitude: number; longitude: number }) => void; points: readonly unknown[] }) => (
    <button type="button" data-testid="turf-picker" onClick={() => onAdd(CORNERS[points.length % CORNERS.length]!)}>
      area map
    </button>
  ),
}));
const SQUARE = '{"type":"Polygon","coordinates":[[[-4.49,48.39],[-4.48,48.39],[-4.48,48.4],[-4.49,48.4],[-4.49,48.39]]]}';

const ACTIONS = {
  data: {
    actions: {
      items: [
        { id: 'QWN0aW9uOjE=', title: 'Porte-à-porte Recouvrance', startsAt: '2026-11-14T09:00:00Z', status: 'DONE' },
        { id: 'QWN0aW9uOjI=', title: 'Marché Saint-Louis', startsAt: '2026-11-21T09:00:00Z', status: 'DONE' },
      ],
    },
  },
};

function api(handlers: Record<string, GraphQLHandler> = {}) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      MessagingSection: messagingSection,
      Segments: () => segmentsAnswer(),
      SegmentActions: () => ACTIONS,
      SegmentCount: () => ({ data: { segmentCount: count(120, 80, 40) } }),
      ...handlers,
    },
  });
}

describe('segments', () => {
  it('lists the segments of the section with who they reach now, as cards on a phone', async () => {
    signInAs();
    actAsPhone();
    const mock = api({
      Segments: () =>
        segmentsAnswer([segment(), segment({ id: 'U2VnbWVudDoy', name: 'Petit groupe', count: count(null, null, 0, true), area: SQUARE })]),
    });
    renderApp(`/messages/segments?section=${BREST.id}`);
    const cards = await screen.findByTestId('segments-cards');
    const [first, second] = within(cards).getAllByTestId('segment-row');
    expect(within(first!).getByTestId('segment-count')).toHaveTextContent('42 people · 30 by email · 12 by SMS');
    expect(within(first!).getByTestId('segment-filters')).toHaveTextContent('Members');
    expect(within(first!).getByTestId('segment-filters')).toHaveTextContent('1 polling station');
    expect(within(second!).getByTestId('segment-count')).toHaveTextContent('fewer than 5 people · fewer than 5 by email · 0 by SMS');
    expect(within(second!).getByTestId('segment-filters')).toHaveTextContent('area drawn on the map');
    expect(within(first!).getByTestId('segment-write-sms')).toHaveAttribute('href', `/messages/new?section=${encodeURIComponent(BREST.id)}&channel=SMS&segment=${encodeURIComponent(SEGMENT_ID)}`);
    expect(mock.variablesOf('Segments')[0]).toMatchObject({ sectionId: BREST.id, federationCode: null, first: 25, after: null });
    expect(screen.getByTestId('messaging-link-template')).toHaveAttribute('href', `/messages/template?section=${encodeURIComponent(BREST.id)}`);
  });

  it('counts the filters live while they are edited, "fewer than 5" when the API hides a small count, then saves them', async () => {
    signInAs();
    const mock = api({
      SegmentCount: (v) => {
        const definition = v.definition as { tags?: string[]; area?: string | null };
        return { data: { segmentCount: definition.tags?.length ? count(null, null, 0, true) : count(120, 80, 40) } };
      },
      SaveSegment: () => ({ data: { saveSegment: { segment: segment(), errors: [] } } }),
    });
    renderApp(`/messages/segments/new?section=${BREST.id}`);
    await screen.findByTestId('segment-form');
    expect(await screen.findByTestId('segment-count')).toHaveTextContent('120 people · 80 by email · 40 by SMS');

    fireEvent.change(screen.getByTestId('segment-field-name'), { target: { value: 'Militants de Recouvrance' } });
    await userEvent.click(screen.getByTestId('segment-kind-MEMBER'));
    fireEvent.change(screen.getByTestId('segment-field-tags'), { target: { value: 'porte-à-porte, tractage' } });
    await waitFor(() => expect(screen.getByTestId('segment-count')).toHaveTextContent('fewer than 5 people · fewer than 5 by email · 0 by SMS'), {
      timeout: 2000,
    });
    expect(mock.variablesOf('SegmentCount').at(-1)).toMatchObject({
      sectionId: BREST.id,
      definition: { kinds: ['MEMBER'], tags: ['porte-à-porte', 'tractage'], stationIds: [], actionIds: [], consentFor: null, area: null },
    });

    fireEvent.change(screen.getByTestId('segment-field-stationIds'), { target: { value: '29019_0001\n29019_0002' } });
    await userEvent.click(screen.getAllByTestId('segment-action')[1]!);
    await userEvent.click(screen.getByTestId('segment-consent-SMS'));
    await userEvent.click(screen.getByTestId('segment-turf-open'));
    for (let i = 0; i < 4; i++) await userEvent.click(await screen.findByTestId('turf-picker'));
    expect(screen.getByTestId('segment-field-area')).toHaveTextContent('4 points.');
    await userEvent.click(screen.getByTestId('segment-form-submit'));

    await waitFor(() => expect(mock.variablesOf('SaveSegment')).toHaveLength(1));
    expect(mock.variablesOf('SaveSegment')[0]).toEqual({
      input: {
        sectionId: BREST.id,
        federationCode: null,
        name: 'Militants de Recouvrance',
        definition: {
          kinds: ['MEMBER'],
          tags: ['porte-à-porte', 'tractage'],
          stationIds: ['29019_0001', '29019_0002'],
          actionIds: ['QWN0aW9uOjI='],
          consentFor: 'SMS',
          sectionIds: [],
          area: SQUARE,
        },
      },
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/messages/segments?section=${BREST.id}`));
  });

  it('shows the API’s errors next to their fields, translated', async () => {
    signInAs();
    api({
      SaveSegment: () => ({
        data: {
          saveSegment: {
            segment: null,
            errors: [{ __typename: 'ValidationError', code: 'STATION_NOT_FOUND', message: 'There is no polling station 29019_9999.', field: 'definition.stationIds.0' }],
          },
        },
      }),
    });
    renderApp(`/messages/segments/new?section=${BREST.id}`);
    await screen.findByTestId('segment-form');
    await userEvent.click(screen.getByTestId('segment-form-submit'));
    expect(await screen.findByTestId('segment-form-errors-name')).toHaveTextContent('Required.');

    fireEvent.change(screen.getByTestId('segment-field-name'), { target: { value: 'Bureau 9999' } });
    fireEvent.change(screen.getByTestId('segment-field-stationIds'), { target: { value: '29019_9999' } });
    await userEvent.click(screen.getByTestId('segment-form-submit'));
    expect(await screen.findByTestId('segment-form-errors-stationIds')).toHaveTextContent('There is no such polling station.');
    await waitFor(() => expect(screen.getByTestId('segment-field-stationIds')).toHaveFocus());
  });

  it('edits a saved segment and sends its drawn area back whole', async () => {
    signInAs();
    const multi = '{"type":"MultiPolygon","coordinates":[[[[-4.49,48.39],[-4.48,48.39],[-4.48,48.4],[-4.49,48.39]]],[[[-4.5,48.3],[-4.49,48.3],[-4.49,48.31],[-4.5,48.3]]]]}';
    const mock = api({
      Segment: () => ({ data: { segment: segment({ area: multi }) } }),
      SaveSegment: () => ({ data: { saveSegment: { segment: segment(), errors: [] } } }),
    });
    renderApp(`/messages/segments/${SEGMENT_ID}/edit`);
    expect(await screen.findByTestId('segment-field-name')).toHaveValue('Recouvrance');
    expect(screen.getByTestId('segment-turf-partial')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('segment-form-submit'));
    await waitFor(() => expect(mock.variablesOf('SaveSegment')).toHaveLength(1));
    expect(mock.variablesOf('SaveSegment')[0]).toMatchObject({ input: { id: SEGMENT_ID, definition: { area: multi, stationIds: ['29019_0001'] } } });
  });

  it('asks before deleting, saying which waiting messages use it', async () => {
    signInAs();
    let deleted = false;
    const mock = api({
      Segments: () => segmentsAnswer(deleted ? [] : [segment({ area: SQUARE })]),
      Messages: () => ({
        data: {
          messages: {
            pageInfo: PAGE_INFO,
            items: [message({ status: 'SCHEDULED' }), message({ id: 'TWVzc2FnZToy', status: 'SENT' })],
          },
        },
      }),
      DeleteSegment: () => {
        deleted = true;
        return { data: { deleteSegment: { segment: { id: SEGMENT_ID }, errors: [] } } };
      },
    });
    renderApp(`/messages/segments?section=${BREST.id}`);
    await userEvent.click(await screen.findByTestId('segment-delete'));
    const dialog = await screen.findByTestId('delete-segment-dialog');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Delete the segment “Recouvrance”?');
    expect(await within(dialog).findByTestId('delete-segment-used')).toHaveAttribute('data-count', '1');
    expect(within(dialog).getByTestId('delete-segment-used')).toHaveTextContent('would then go to everyone its other filters match');
    expect(within(dialog).getByTestId('delete-segment-dialog-cancel')).toHaveFocus();

    await userEvent.click(within(dialog).getByTestId('delete-segment-dialog-cancel'));
    expect(mock.variablesOf('DeleteSegment')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('segment-delete'));
    await userEvent.click(within(await screen.findByTestId('delete-segment-dialog')).getByTestId('delete-segment-dialog-confirm'));
    expect(await screen.findByTestId('segment-deleted')).toHaveTextContent('The segment “Recouvrance” was deleted.');
    expect(mock.variablesOf('DeleteSegment')).toEqual([{ id: SEGMENT_ID }]);
    expect(await screen.findByTestId('segments-empty')).toBeInTheDocument();
  });

  it('shows the live count’s refused filter next to it, by its own code', async () => {
    signInAs();
    api({
      SegmentCount: (v) =>
        (v.definition as { stationIds?: string[] }).stationIds?.length
          ? {
              data: null,
              errors: [
                {
                  message: 'definition.stationIds.0: There is no polling station 29019_9999.',
                  path: ['segmentCount'],
                  extensions: {
                    code: 'VALIDATION_FAILED',
                    data: { fields: [{ field: 'definition.stationIds.0', code: 'STATION_NOT_FOUND', message: 'There is no polling station 29019_9999.' }] },
                  },
                },
              ],
            }
          : { data: { segmentCount: count(120, 80, 40) } },
    });
    renderApp(`/messages/segments/new?section=${BREST.id}`);
    await screen.findByTestId('segment-count');
    fireEvent.change(screen.getByTestId('segment-field-stationIds'), { target: { value: '29019_9999' } });
    expect(await screen.findByTestId('segment-form-errors-stationIds', {}, { timeout: 2000 })).toHaveTextContent('There is no such polling station.');
    expect(screen.getByTestId('segment-field-stationIds')).toHaveAttribute('aria-invalid', 'true');
    // said by its field, not as "some values were refused" below the count
    expect(screen.queryByTestId('segment-count-error')).not.toBeInTheDocument();
  });

  it('says a refused filter the form does not show below the count, by its own code', async () => {
    signInAs();
    api({
      SegmentCount: () => ({
        data: null,
        errors: [
          {
            message: 'definition.personIds: Only those who manage…',
            extensions: {
              code: 'VALIDATION_FAILED',
              data: { fields: [{ field: 'definition.personIds', code: 'FILTER_NOT_ALLOWED', message: 'Only those who manage this node’s people…' }] },
            },
          },
        ],
      }),
    });
    renderApp(`/messages/segments/new?section=${BREST.id}`);
    const error = await screen.findByTestId('segment-count-error');
    expect(error).toHaveAttribute('data-code', 'FILTER_NOT_ALLOWED');
    expect(error).toHaveTextContent('Only those who manage the people here filter by place, tag, action or name');
  });

  it('offers a delegate who does not see everyone only kind and consent, and says who makes narrower segments', async () => {
    signInAs();
    const mock = api({
      Viewer: () => viewerAnswer({ grants: [delegateGrant] }),
      MessagingSection: () => messagingSectionWith(DELEGATE_PERMISSIONS),
      SegmentCount: () => ({ data: { segmentCount: count(null, null, 12, true) } }),
      SaveSegment: () => ({ data: { saveSegment: { segment: segment(), errors: [] } } }),
    });
    renderApp(`/messages/segments/new?section=${BREST.id}`);
    await screen.findByTestId('segment-form');
    expect(screen.getByTestId('segment-narrow-note')).toHaveTextContent(
      `Narrower segments (by tag, polling station, drawn area, action or name) are made by those who manage the people of ${BREST.name}: you can use the section's saved segments.`,
    );
    for (const id of ['segment-field-tags', 'segment-field-stationIds', 'segment-turf-open', 'segment-actions'])
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    expect(await screen.findByTestId('segment-count')).toHaveTextContent('fewer than 5 people · fewer than 5 by email · 12 by SMS');

    fireEvent.change(screen.getByTestId('segment-field-name'), { target: { value: 'Adhérents par SMS' } });
    await userEvent.click(screen.getByTestId('segment-kind-MEMBER'));
    await userEvent.click(screen.getByTestId('segment-consent-SMS'));
    await userEvent.click(screen.getByTestId('segment-form-submit'));
    await waitFor(() => expect(mock.variablesOf('SaveSegment')).toHaveLength(1));
    expect(mock.variablesOf('SaveSegment')[0]).toEqual({
      input: { sectionId: BREST.id, federationCode: null, name: 'Adhérents par SMS', definition: { kinds: ['MEMBER'], consentFor: 'SMS', sectionIds: [] } },
    });
    // the count is asked with the filters a delegate may set, nothing more
    for (const v of mock.variablesOf('SegmentCount')) expect(Object.keys(v.definition as object).sort()).toEqual(['consentFor', 'kinds', 'sectionIds']);
  });

  it('lets a delegate write to a segment with narrower filters, not change it', async () => {
    signInAs();
    const broad = segment({ id: 'U2VnbWVudDoy', name: 'Adhérents', definition: { ...segment().definition, tags: [], stationIds: [] } });
    api({
      Viewer: () => viewerAnswer({ grants: [delegateGrant] }),
      MessagingSection: () => messagingSectionWith(DELEGATE_PERMISSIONS),
      Segments: () => segmentsAnswer([segment(), broad]),
      Segment: () => ({ data: { segment: segment() } }),
    });
    renderApp(`/messages/segments?section=${BREST.id}`);
    const [narrow, members] = await screen.findAllByTestId('segment-row');
    expect(screen.getByTestId('segment-narrow-note')).toBeInTheDocument();
    expect(within(narrow!).queryByTestId('segment-edit')).not.toBeInTheDocument();
    expect(within(narrow!).getByTestId('segment-write-email')).toBeInTheDocument();
    expect(within(members!).getByTestId('segment-edit')).toBeInTheDocument();

    await userEvent.click(within(narrow!).getByTestId('segment-name'));
    expect(await screen.findByTestId('segment-narrow-readonly')).toHaveTextContent('you can write to it, not change it');
    expect(screen.queryByTestId('segment-form')).not.toBeInTheDocument();
  });

  it('keeps a static list whose people the viewer all sees, and sends it back when the segment is saved', async () => {
    signInAs();
    const people = ['UGVyc29uOjI=', 'UGVyc29uOjM='];
    const list = segment({ definition: { ...segment().definition, tags: [], stationIds: [], personCount: 2, personIds: people } });
    const mock = api({
      Segment: () => ({ data: { segment: list } }),
      SaveSegment: () => ({ data: { saveSegment: { segment: list, errors: [] } } }),
    });
    renderApp(`/messages/segments/${SEGMENT_ID}/edit`);
    expect(await screen.findByTestId('segment-kept-people')).toHaveTextContent('…and 2 people picked by hand, kept.');
    await userEvent.click(screen.getByTestId('segment-form-submit'));
    await waitFor(() => expect(mock.variablesOf('SaveSegment')).toHaveLength(1));
    expect(mock.variablesOf('SaveSegment')[0]).toMatchObject({ input: { id: SEGMENT_ID, definition: { personIds: people } } });
  });

  it('does not offer to change a static list some of whose people the viewer does not see', async () => {
    signInAs();
    const list = segment({ definition: { ...segment().definition, personCount: 3, personIds: ['UGVyc29uOjI='] } });
    api({ Segment: () => ({ data: { segment: list } }) });
    renderApp(`/messages/segments/${SEGMENT_ID}/edit`);
    expect(await screen.findByTestId('segment-static-list')).toHaveTextContent('3 people picked by hand, of whom you see 1');
    expect(screen.queryByTestId('segment-form')).not.toBeInTheDocument();
  });
});
