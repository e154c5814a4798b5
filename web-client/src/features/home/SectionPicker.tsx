import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from '../../api/hooks';
import { graphql } from '../../gql';

export const AllSectionsQuery = graphql(`
  query AllSections {
    federations(first: 100) {
      edges {
        node {
          code
          name
          sections(first: 100) {
            edges {
              node {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const FederationSectionsQuery = graphql(`
  query FederationSections($code: String!) {
    federation(code: $code) {
      code
      name
      sections(first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`);

interface FederationGroup {
  code: string;
  name: string;
  sections: { id: string; name: string }[];
}

type SectionEdges = ReadonlyArray<{ node?: { id: string; name: string } | null } | null> | null | undefined;

function sectionsOf(edges: SectionEdges) {
  return (edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
}

function Groups({ groups }: { groups: FederationGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.code} label={`${g.code} · ${g.name}`}>
          {g.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

function AllFederations() {
  const { data } = useQuery(AllSectionsQuery, {});
  const groups = (data?.federations.edges ?? []).flatMap((e) =>
    e?.node ? [{ code: e.node.code, name: e.node.name, sections: sectionsOf(e.node.sections.edges) }] : [],
  );
  return <Groups groups={groups} />;
}

function OneFederation({ code }: { code: string }) {
  const { data } = useQuery(FederationSectionsQuery, { code });
  const f = data?.federation;
  return f ? <Groups groups={[{ code: f.code, name: f.name, sections: sectionsOf(f.sections.edges) }]} /> : null;
}

/** Lets national and federation officers open any section they oversee. */
export function SectionPicker({
  national,
  federationCodes,
  currentSectionId,
}: {
  national: boolean;
  federationCodes: string[];
  currentSectionId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <label className="section-picker">
      {t('home.pickSection')}
      <select
        data-testid="section-picker"
        value={currentSectionId ?? ''}
        onChange={(e) => {
          if (e.target.value) navigate(`/sections/${encodeURIComponent(e.target.value)}`);
        }}
      >
        <option value="">{t('home.pickSectionPlaceholder')}</option>
        {national ? <AllFederations /> : federationCodes.map((code) => <OneFederation key={code} code={code} />)}
      </select>
    </label>
  );
}
