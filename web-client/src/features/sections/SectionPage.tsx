import { useParams } from 'react-router';
import { SectionPeople } from './SectionPeople';

export function SectionPage() {
  const { id = '' } = useParams();
  return (
    <div className="page">
      <SectionPeople key={id} sectionId={id} />
    </div>
  );
}
