import { ciblageOptions } from '@jigi/domain';
import { GpsField } from '../../components/form/gps-field';
import { RecordFormScreen, type RecordFormSpec } from '../../components/form/record-form-screen';
import { AssetsSection } from './assets-section';
import { CiblageReadOnly } from './ciblage-read-only';
import { ConsentSection } from './consent-section';
import { DwellingSection } from './dwelling-section';
import { FoodSection } from './food-section';
import { IdentificationSection } from './identification-section';
import { LandSection } from './land-section';
import { LivestockSection } from './livestock-section';
import { RosterSection } from './roster-section';
import { SummarySection } from './summary-section';

function GpsSection() {
  return (
    <GpsField
      name="gps"
      reasonName="gpsUnavailableReason"
      reasonLabels={ciblageOptions.gpsUnavailableReason.labels}
    />
  );
}

/** The household questionnaire: a screen per section of the domain's layout. */
export const ciblageForm: RecordFormSpec = {
  recordType: 'ciblage_household',
  ns: 'ciblage',
  title: 'formTitle',
  back: () => '/ciblage',
  sections: {
    identification: IdentificationSection,
    consent: ConsentSection,
    roster: RosterSection,
    dwelling: DwellingSection,
    assets: AssetsSection,
    livestock: LivestockSection,
    land: LandSection,
    food: FoodSection,
    gps: GpsSection,
    summary: SummarySection,
  },
  readOnly: CiblageReadOnly,
  // A returned survey opens with the supervisor's comment above it.
  showStatus: true,
};

export function CiblageForm({ id }: { id: string }) {
  return <RecordFormScreen spec={ciblageForm} id={id} />;
}
