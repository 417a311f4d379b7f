import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { Notice } from '../components/notice';

/**
 * A screen that fails (a chunk that did not load, a bug) shows a French message with a way
 * out, never a blank page. The console keeps nothing on the laptop, so reloading loses nothing.
 */
export class RouteErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failed: boolean; detail: string }
> {
  override state = { failed: false, detail: '' };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, detail: error instanceof Error ? error.message : String(error) };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed)
      this.setState({ failed: false, detail: '' });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <ScreenFailed detail={this.state.detail} />;
  }
}

// A function component for the strings (`Trans` would bring an HTML parser into the shell for two
// sentences without markup).
function ScreenFailed({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <main className="page">
      <Notice tone="error">
        <p>{t('screenError')}</p>
        <p className="small">{detail}</p>
        <Button
          variant="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('reload')}
        </Button>
      </Notice>
    </main>
  );
}
