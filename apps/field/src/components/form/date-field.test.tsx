import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { renderAs } from '../../test-support/render';
import { DateField } from './date-field';

let latest: Record<string, unknown> = {};

function Harness({
  initial,
  approximate = false,
}: {
  initial: Record<string, unknown>;
  approximate?: boolean;
}) {
  const form = useForm({ defaultValues: initial });
  latest = form.watch();
  return (
    <FormProvider {...form}>
      <DateField
        name="dob"
        label="Date de naissance"
        {...(approximate ? { precisionName: 'dobPrecision' } : {})}
      />
    </FormProvider>
  );
}

describe('DateField', () => {
  it('shows an ISO date as jj/mm/aaaa and stores what is typed as ISO', async () => {
    const ui = userEvent.setup();
    renderAs(<Harness initial={{ dob: '2024-03-05' }} />);
    const input = screen.getByLabelText('Date de naissance');
    expect(input).toHaveValue('05/03/2024');
    await ui.clear(input);
    await ui.type(input, '15/09/2023');
    await waitFor(() => {
      expect(latest['dob']).toBe('2023-09-15');
    });
    expect(input).toHaveValue('15/09/2023');
  });

  it('keeps text that is not a date yet as typed (the domain rule reports it), and clears to absent', async () => {
    const ui = userEvent.setup();
    renderAs(<Harness initial={{}} />);
    const input = screen.getByLabelText('Date de naissance');
    await ui.type(input, '31/02/2024');
    expect(latest['dob']).toBe('31/02/2024');
    await ui.clear(input);
    expect(latest['dob']).toBeUndefined();
  });

  it('a birth date may be a month and year or a year alone: stored mid-period, precision set, shown as typed', async () => {
    const ui = userEvent.setup();
    const first = renderAs(<Harness initial={{}} approximate />);
    const input = screen.getByLabelText('Date de naissance');
    expect(input).toHaveAccessibleDescription(/mm\/aaaa/);
    await ui.type(input, '03/2019');
    await waitFor(() => {
      expect(latest).toMatchObject({ dob: '2019-03-15', dobPrecision: 'mois' });
    });
    await ui.clear(input);
    await ui.type(input, '2019');
    await waitFor(() => {
      expect(latest).toMatchObject({ dob: '2019-07-01', dobPrecision: 'annee' });
    });
    expect(input).toHaveValue('2019');
    await ui.clear(input);
    await ui.type(input, '05/03/2019');
    await waitFor(() => {
      expect(latest).toMatchObject({ dob: '2019-03-05', dobPrecision: 'exacte' });
    });
    first.unmount();

    renderAs(<Harness initial={{ dob: '2019-03-15', dobPrecision: 'mois' }} approximate />);
    expect(screen.getByLabelText('Date de naissance')).toHaveValue('03/2019');
  });

  it('other dates stay jj/mm/aaaa only', async () => {
    const ui = userEvent.setup();
    renderAs(<Harness initial={{}} />);
    await ui.type(screen.getByLabelText('Date de naissance'), '2019');
    expect(latest['dob']).toBe('2019');
  });
});
