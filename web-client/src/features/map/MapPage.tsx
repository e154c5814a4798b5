import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadWithToken } from '../../api/download';
import { ApiError } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useErrorText } from '../../ui/errorText';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useIsPhone } from '../../ui/useMediaQuery';
import { ElectionSelect } from '../elections/ElectionSelect';
import { MapLayersQuery } from '../elections/queries';
import { useElections, type Election } from '../elections/useElections';
import type { MapFocus, MapView } from './CampaignMap';
import { baseLayer, canCompare, geoJsonUrl, isChangeLayer, isIndicatorLayer, tilesUrl } from './layers';
import { Legend } from './Legend';
import { fillColor, formatValue, legendClasses } from './legend';
import { LayerSelect, useLayerLabel, type LayerChoice } from './LayerSelect';
import { DEFAULT_LAYER, useMapParams } from './mapParams';
import { MapLayerQuery, PollingStationQuery } from './queries';
import { StationPanel } from './StationPanel';
import { ZonePanel } from './ZonePanel';
import { ZonesSource, type ZoneFeature } from './ZonesSource';

// MapLibre (and WebGL) only load on this page.
const CampaignMap = lazy(() => import('./CampaignMap'));

/** The room a selection's panel takes over the map; the same sizes as .map-panel in styles.css. */
const PANEL = { deskWidthPx: 800, deskShare: 0.72, zoneDeskWidthPx: 352, phoneShare: 0.62 };

/**
 * The layer the URL asks for, if this election offers it (a change layer needs another round and a layer that has
 * one); else participation.
 */
export function effectiveLayer(asked: string, choices: readonly LayerChoice[], election: Election | null): string {
  if (choices.length === 0) return asked;
  const offered = choices.some((c) => c.layer === baseLayer(asked));
  if (!offered) return DEFAULT_LAYER;
  if (isChangeLayer(asked) && (!election?.otherRound || !canCompare(asked))) return baseLayer(asked);
  return asked;
}

/** The campaign map: a layer of an election over the viewer's ground, its legend, and a polling station's results. */
export function MapPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const layerLabel = useLayerLabel();
  const { params, setElection, setLayer, selectStation, selectZone, clearSelection } = useMapParams();
  const { elections, election, error, loading } = useElections(params.election);
  const [controlsOpen, setControlsOpen] = useState(false);
  const [selectedZone, setSelectedZone] = useState<ZoneFeature | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [clicked, setClicked] = useState<[number, number] | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  const layers = useQuery(MapLayersQuery, { electionId: election?.id ?? '' }, { skip: !election });
  const choices = layers.data?.mapLayers ?? [];
  const layer = effectiveLayer(params.layer, choices, election);
  const compareTo = isChangeLayer(layer) ? (election?.otherRound?.id ?? null) : null;
  const electionId = election && !isIndicatorLayer(layer) ? election.id : null;
  const info = useQuery(
    MapLayerQuery,
    { layer, electionId, compareTo },
    { skip: !election || !layers.data },
  ).data?.mapLayer;

  const change = isChangeLayer(layer);
  const classes = useMemo(() => (info ? legendClasses(info, change) : []), [info, change]);
  const choice = choices.find((c) => c.layer === baseLayer(layer));
  const name = choice ? layerLabel(choice) : (info?.label ?? '');
  const title = change && election?.otherRound ? t('map.changeTitle', { layer: name }) : name;
  const tiles = election && layers.data ? tilesUrl(window.location.origin, layer, electionId, compareTo) : null;

  // A station opened from a link is shown where it is; otherwise the layer's extent.
  const linkedStation = useRef(params.station);
  const linked = useQuery(PollingStationQuery, { code: linkedStation.current ?? '' }, { skip: !linkedStation.current });
  const location = linked.data?.pollingStation?.location;
  const view = useMemo<MapView | null>(() => {
    if (location) return { center: [location.longitude, location.latitude], zoom: 14 };
    if (linkedStation.current && linked.loading) return null;
    return info?.bounds?.length === 4 ? { bounds: info.bounds } : null;
  }, [location, linked.loading, info?.bounds]);

  const selectedId = params.station ?? params.zone;
  const shownZone = selectedZone && selectedZone.id === selectedId ? selectedZone : null;
  const onSelect = useCallback(
    (zone: ZoneFeature, at: [number, number]) => {
      setSelectedZone(zone);
      setClicked(at);
      if (zone.level === 'station') selectStation(zone.id);
      else selectZone(zone.id);
    },
    [selectStation, selectZone],
  );

  useDocumentTitle(t('map.title'));

  // With a panel open, the map keeps what was clicked in the part the panel leaves visible.
  const stage = stageRef.current?.getBoundingClientRect();
  const focus = useMemo<MapFocus>(() => {
    const none = { padding: { right: 0, bottom: 0 }, center: null };
    if (!selectedId || !stage) return none;
    if (isPhone) return { padding: { right: 0, bottom: Math.round(stage.height * PANEL.phoneShare) }, center: clicked };
    const width = params.station ? Math.min(PANEL.deskWidthPx, stage.width * PANEL.deskShare) : Math.min(PANEL.zoneDeskWidthPx, stage.width * PANEL.deskShare);
    return { padding: { right: Math.round(width), bottom: 0 }, center: clicked };
  }, [selectedId, params.station, isPhone, clicked, stage?.width, stage?.height]);

  async function download() {
    setDownloadError(null);
    try {
      await downloadWithToken(geoJsonUrl(layer, electionId, compareTo), `${layer}.geojson`);
    } catch (cause) {
      setDownloadError(cause instanceof ApiError ? cause.primaryCode : 'NETWORK');
    }
  }

  const showControls = !isPhone || controlsOpen;
  const unit = info?.unit ?? '';
  const failure = error ?? layers.error;

  return (
    <div className="map-page" data-testid="map-page" data-layer={layer}>
      <div className="map-side">
        <div className="map-bar">
          <div>
            <PageHeading>{t('map.title')}</PageHeading>
            {isPhone && title && <p className="muted map-bar-layer">{title}</p>}
          </div>
          {isPhone && (
            <button
              type="button"
              className="secondary"
              aria-expanded={controlsOpen}
              aria-controls="map-controls"
              onClick={() => setControlsOpen((open) => !open)}
              data-testid="map-controls-toggle"
            >
              {controlsOpen ? t('map.hideControls') : t('map.showControls')}
            </button>
          )}
        </div>
        {/* Outside the folding controls: seen on a phone too. */}
        {loading && <p role="status">{t('common.loading')}</p>}
        {failure && <ErrorMessage error={failure} />}
        {!loading && !error && elections.length === 0 && (
          <p className="notice" data-testid="map-no-election">
            {t('map.noElection')}
          </p>
        )}
        <div id="map-controls" className="map-controls" hidden={!showControls} data-testid="map-controls">
          {election && (
            <ElectionSelect
              elections={elections}
              value={election.id}
              onChange={(id) => setElection(id, layer.startsWith('candidate.') ? DEFAULT_LAYER : layer)}
              testId="map-election"
            />
          )}
          {election && choices.length > 0 && (
            <LayerSelect choices={choices} layer={layer} election={election} onChange={setLayer} />
          )}
          {election && layers.data && (
            <div className="map-download">
              <button type="button" className="link" onClick={() => void download()} data-testid="map-geojson">
                {t('map.downloadGeoJson')}
              </button>
              {downloadError && (
                <p className="error" role="alert" data-code={downloadError}>
                  {errorText(downloadError)}
                </p>
              )}
            </div>
          )}
          {!isPhone && info && <Legend title={title} unit={unit} classes={classes} zones={info.zones} />}
        </div>
      </div>

      <div className="map-stage" ref={stageRef}>
        <Suspense fallback={<p role="status" className="map-loading">{t('common.loading')}</p>}>
          <CampaignMap view={view} focus={focus} label={t('map.label', { layer: title || t('map.title') })}>
            {tiles && (
              <ZonesSource
                tiles={tiles}
                fillColor={fillColor(classes)}
                selected={selectedId}
                onSelect={onSelect}
                onSelectedZone={setSelectedZone}
              />
            )}
          </CampaignMap>
        </Suspense>
        {isPhone && info && !selectedId && (
          <div className="map-legend-overlay">
            <Legend title={title} unit={unit} classes={classes} zones={info.zones} />
          </div>
        )}
        {params.station && election && (
          <StationPanel
            code={params.station}
            election={election}
            layerName={title}
            layerValue={shownZone ? formatValue(shownZone.value, unit) || null : null}
            focusHeading={clicked !== null}
            onClose={() => {
              setClicked(null);
              clearSelection();
            }}
          />
        )}
        {params.zone && (
          <ZonePanel
            id={params.zone}
            zone={shownZone}
            layerName={title}
            value={shownZone ? formatValue(shownZone.value, unit) : null}
            onClose={() => {
              setClicked(null);
              clearSelection();
            }}
          />
        )}
      </div>
    </div>
  );
}
