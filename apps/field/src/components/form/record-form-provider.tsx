import type { ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { IssueStoreContext } from '../../lib/form-issues';
import type { RecordForm } from './use-record-form';

/** Gives fields the form (react-hook-form) and the issues (domain rules). */
export function RecordFormProvider({
  engine,
  children,
}: {
  engine: RecordForm;
  children: ReactNode;
}) {
  return (
    <FormProvider {...engine.form}>
      <IssueStoreContext.Provider value={engine.issues}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          {children}
        </form>
      </IssueStoreContext.Provider>
    </FormProvider>
  );
}
