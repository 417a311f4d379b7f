import { useFormContext } from 'react-hook-form';

/** One tick box (a confirmation, an optional yes). */
export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  return (
    <label className="choice-option checkbox-field">
      <input type="checkbox" {...register(name)} />
      <span>{label}</span>
    </label>
  );
}
