import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { NOTICES } from '../core/index.ts';

interface Props {
  /** What the panel is, for the message ("step details"). */
  readonly name: string;
  /** Puts the player back in a known-good state before the panel renders again. */
  readonly onReset: () => void;
  readonly children: ReactNode;
}

/**
 * Turns a render error inside one panel into a short message with a Reset button, so the rest of
 * the player keeps working and the page never goes blank in front of a room.
 */
export class PanelBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the console; the user sees the message below.
    console.warn(`Roundtrip: the ${this.props.name} failed to render.`, error, info.componentStack);
  }

  private readonly reset = () => {
    this.props.onReset();
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="rt-panel-error" role="alert">
        <p>{NOTICES.panelFailed(this.props.name)}</p>
        <button type="button" className="rt-button rt-button--small" onClick={this.reset}>
          Reset
        </button>
      </div>
    );
  }
}
