import { useMemo, useState } from 'react';

/**
 * Whether focus is inside a control the user is typing in. A value typed digit by digit passes through
 * readings it is not meant to be (« 7 » then « 75 » on the way to « 750 »): an alert about the value
 * (a low MUAC) is announced once the control is left, not at every keystroke. The handlers go on a
 * wrapper (`display: contents`), where React's focus events bubble from the control inside.
 */
export function useEditing(): [
  editing: boolean,
  wrapper: { onFocus: () => void; onBlur: () => void; style: { display: 'contents' } },
] {
  const [editing, setEditing] = useState(false);
  const wrapper = useMemo(
    () => ({
      onFocus: () => {
        setEditing(true);
      },
      onBlur: () => {
        setEditing(false);
      },
      style: { display: 'contents' as const },
    }),
    [],
  );
  return [editing, wrapper];
}
