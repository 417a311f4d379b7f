import { useFormContext } from 'react-hook-form';
import { Button } from '../button';
import { NumberField } from './number-field';

/** A block of counts (assets, livestock) with « 0 » for every box left empty in one tap. */
export function CountGrid({
  prefix,
  keys,
  label,
  zeroLabel,
}: {
  prefix: string;
  keys: readonly string[];
  label: (key: string) => string;
  zeroLabel: string;
}) {
  const { getValues, setValue } = useFormContext();
  return (
    <>
      <Button
        onClick={() => {
          for (const k of keys) {
            const v: unknown = getValues(`${prefix}.${k}`);
            if (v === undefined || v === '') setValue(`${prefix}.${k}`, 0, { shouldDirty: true });
          }
        }}
      >
        {zeroLabel}
      </Button>
      <div className="count-grid">
        {keys.map((k) => (
          <NumberField key={k} name={`${prefix}.${k}`} label={label(k)} />
        ))}
      </div>
    </>
  );
}
